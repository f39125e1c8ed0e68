/**
 * The request a slot is for.
 *
 * @example
 * ```ts
 * const slot = await limiter.acquire({ method: 'GET', url, priority: 10, signal: controller.signal })
 * ```
 */
export interface RateLimitTarget {
  /** The HTTP method. */
  method: string
  /** The full URL (only its path is matched against the rules). */
  url: string | URL
  /** Higher runs first among waiting requests of the same rule: give interactive calls a higher one. @default 0 */
  priority?: number | undefined
  /** Aborting it removes the request from the queue; `acquire` rejects with the abort reason. */
  signal?: AbortSignal | undefined
}

/**
 * What settling a slot found: nothing special, or a 429 that paused the rule until `retryAt`.
 *
 * @example
 * ```ts
 * const outcome = await slot.settle(response)
 * if (outcome.status === 'rate-limited' && outcome.action === 'retry') retryLater()
 * ```
 */
export type SettleOutcome =
  | { status: 'ok' }
  | {
      status: 'rate-limited'
      /** When the rule accepts requests again (epoch milliseconds). */
      retryAt: number
      /** How long the pause is from the moment of settling, in milliseconds. */
      retryAfterMs: number
      /** `'retry'` once the pause is over, or `'fail'` when the pause exceeds `maxRetryAfterMs` under the `'fail'` policy. */
      action: 'retry' | 'fail'
    }

/**
 * A slot in a rule's budget, held from before the request is sent until its response arrives.
 *
 * @example
 * ```ts
 * const slot = await limiter.acquire({ method: 'GET', url })
 * try {
 *   await slot.settle(await fetch(url))
 * } catch (error) {
 *   await slot.settle()
 *   throw error
 * }
 * ```
 */
export interface RateLimitSlot {
  /** The rule (bucket) the slot belongs to; undefined when the request is not limited at all. */
  readonly rule: string | undefined
  /** The request was answered (pass the response) or failed (pass nothing). Settling twice does nothing. */
  settle(response?: Response): Promise<SettleOutcome>
  /** The request was never sent: give the slot back. */
  release(): Promise<void>
}

/**
 * Counters for a dashboard, since the limiter was made.
 *
 * @example
 * ```ts
 * const { waiting, rateLimitedTotal } = limiter.stats()
 * ```
 */
export interface RateLimitStats {
  /** Requests waiting for a slot now. */
  waiting: number
  /** Requests holding a slot now (sent, not yet answered). */
  inFlight: number
  /** Requests that had to wait for a slot. */
  throttledTotal: number
  /** 429 responses seen. */
  rateLimitedTotal: number
  /** Retries the ky plugin made after a 429 (or `schedule()` did). */
  retriesTotal: number
  /** Requests refused because `maxQueued` requests already waited. */
  queueFullTotal: number
}

/**
 * Options of one `schedule()` call.
 *
 * @example
 * ```ts
 * await limiter.schedule({ method: 'POST', url, retryLimit: 1 }, () => fetch(url, { method: 'POST', body }))
 * ```
 */
export interface ScheduleOptions extends RateLimitTarget {
  /** How often a 429 is retried after its pause. @default 2 */
  retryLimit?: number | undefined
}
