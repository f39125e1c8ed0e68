/**
 * Where the budget of each rule lives. The in-memory store is the default; a shared store (Redis, in
 * `@b2bkit/redis`) lets many processes share one quota. Each method is one atomic step on one bucket, so a remote
 * store implements each as one script (a Lua script in Redis) and never needs a lock across calls.
 *
 * The model every store keeps per bucket (key):
 * - a log of slots. A slot is taken when a request is sent, is "in flight" until its response arrives, and then
 *   counts until `settledAt + intervalMs`. Dating each request by its response, the latest moment the server can
 *   have counted it, is what keeps a sliding-window server from ever seeing one request too many. An in-flight slot
 *   whose lease ends unsettled (a crashed process) counts until `acquiredAt + leaseMs + intervalMs`.
 * - the limit and window learned from response headers, which override the configured ones;
 * - a cap: "at most `remaining` more until `resetAt`", set when the server reports more requests counted than this
 *   bucket's own log explains (another client, an earlier run), so the log alone would overshoot;
 * - a pause until a 429's `Retry-After`;
 * - whether a response has shown the bucket to be unlimited (no rate-limit headers at all).
 *
 * A bucket with neither a configured nor a learned limit is unknown: it lets one request through at a time until a
 * response tells its budget (or shows it has none).
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rules, store: new MemoryRateLimitStore() })
 * ```
 */
export interface RateLimitStore {
  /** Takes a slot in bucket `key` if one is free at `request.now`, or says how long to wait. */
  acquire(key: string, request: SlotRequest): Promise<SlotResult>
  /**
   * Marks the slot's request as answered (or failed) at `report.now`, and applies what the response said: the
   * budget from its headers and, after a 429, a pause. Unknown slot ids (an expired lease) are fine.
   */
  settle(key: string, slotId: string, report: SlotReport): Promise<BucketSnapshot>
  /** Frees a slot whose request was never sent (it was aborted before it left). */
  release(key: string, slotId: string): Promise<void>
  /** The bucket's state, for events and statistics. */
  snapshot(key: string, request: BucketRequest): Promise<BucketSnapshot>
}

/**
 * The configured budget of a bucket, sent with every call so the store needs no configuration of its own.
 *
 * @example
 * ```ts
 * await store.snapshot('GET /retailer/orders', { now: Date.now(), limit: 7, intervalMs: 180_000 })
 * ```
 */
export interface BucketRequest {
  /** The time of the call, in epoch milliseconds (the limiter's clock). */
  now: number
  /** The configured limit, or undefined when only the server's headers can tell it. */
  limit: number | undefined
  /** The configured window in milliseconds, or undefined when only the server's headers can tell it. */
  intervalMs: number | undefined
}

/**
 * A request for a slot.
 *
 * @example
 * ```ts
 * await store.acquire('default', { now: Date.now(), limit: 1000, intervalMs: 60_000, leaseMs: 120_000 })
 * ```
 */
export interface SlotRequest extends BucketRequest {
  /** How long a slot may stay in flight before the store treats its request as answered at the lease's end. */
  leaseMs: number
}

/**
 * Why a slot was refused.
 *
 * @example
 * ```ts
 * const label: Record<ThrottleReason, string> = { budget: 'quota used', paused: '429 pause', probe: 'learning' }
 * ```
 */
export type ThrottleReason =
  /** The bucket's limit is used up until a slot's window ends or the server's reset. */
  | 'budget'
  /** A 429 paused the bucket until its Retry-After. */
  | 'paused'
  /** Nothing is known about the bucket yet, and one request is already finding out. */
  | 'probe'

/**
 * The answer to `acquire`.
 *
 * @example
 * ```ts
 * const result: SlotResult = await store.acquire(key, request)
 * if (!result.granted) await sleep(result.waitMs)
 * ```
 */
export type SlotResult =
  | { granted: true; slotId: string; snapshot: BucketSnapshot }
  | {
      granted: false
      reason: ThrottleReason
      /** How long to wait before asking again. A remote store returns a short poll interval when it waits on in-flight slots of other processes. */
      waitMs: number
      snapshot: BucketSnapshot
    }

/**
 * What a response (or its absence) said about a bucket.
 *
 * @example
 * ```ts
 * await store.settle(key, slotId, { now: Date.now(), limit: 7, intervalMs: 180_000, pauseUntil: Date.now() + 30_000 })
 * ```
 */
export interface SlotReport extends BucketRequest {
  /** The budget from the response's headers; undefined when adaptive mode is off or there was no response. */
  budget?: BudgetReport | undefined
  /** After a 429: grant nothing until this time (epoch milliseconds). A pause never shortens an existing one. */
  pauseUntil?: number | undefined
}

/**
 * A response's rate-limit headers, as `readRateLimitHeaders` reads them.
 *
 * @example
 * ```ts
 * const { present, limit, remaining, resetAt, windowMs }: BudgetReport = readRateLimitHeaders(headers, now)
 * ```
 */
export interface BudgetReport {
  /** Whether the response carried any rate-limit header. A response without one marks an unknown bucket unlimited. */
  present: boolean
  limit: number | undefined
  remaining: number | undefined
  resetAt: number | undefined
  windowMs: number | undefined
}

/**
 * A bucket's state at one moment.
 *
 * @example
 * ```ts
 * const { remaining, resetAt, inFlight }: BucketSnapshot = await limiter.snapshot('GET /retailer/orders')
 * ```
 */
export interface BucketSnapshot {
  /** The limit in force: learned from headers, else configured; undefined while unknown. */
  limit: number | undefined
  /** The window in force in milliseconds; undefined while unknown. */
  intervalMs: number | undefined
  /** How many more requests may start now; undefined while unknown or unlimited. */
  remaining: number | undefined
  /** When the next slot frees or the server's window resets (epoch milliseconds); undefined when nothing waits on time. */
  resetAt: number | undefined
  /** Requests sent and not yet answered. */
  inFlight: number
  /** The end of a 429 pause (epoch milliseconds), or undefined. */
  pausedUntil: number | undefined
}
