import { B2bkitError, type B2bkitErrorOptions } from '@b2bkit/http'

/**
 * Options of `RateLimitedError`.
 *
 * @example
 * ```ts
 * new RateLimitedError('GET /orders', retryAt, 600_000, { response, requestId: getRequestId(response) })
 * ```
 */
export interface RateLimitedErrorOptions extends B2bkitErrorOptions {
  /** The 429 response that asked for the pause, when there was one. Kept non-enumerable. */
  response?: Response | undefined
}

/**
 * The server asked for a pause longer than `maxRetryAfterMs`, and `retryAfterPolicy` is `'fail'`: the request fails
 * at once instead of waiting. `retryAt` says when to come back.
 *
 * @example
 * ```ts
 * try { await http.get('retailer/orders') } catch (error) {
 *   if (error instanceof RateLimitedError) scheduleLater(error.retryAt)
 * }
 * ```
 */
export class RateLimitedError extends B2bkitError {
  override name = 'RateLimitedError' as const
  /** The rule whose budget the server paused. */
  readonly rule: string
  /** When the server accepts requests for this rule again (epoch milliseconds). */
  readonly retryAt: number
  /** The 429 response, when there was one (non-enumerable, so logging the error never dumps it). */
  declare readonly response: Response | undefined

  /** How long the pause was when the error was made, in milliseconds. */
  readonly retryAfterMs: number

  constructor(rule: string, retryAt: number, retryAfterMs: number, options: RateLimitedErrorOptions = {}) {
    const seconds = Math.max(0, Math.ceil(retryAfterMs / 1000))
    super(
      'RATE_LIMITED',
      `the server paused "${rule}" until ${new Date(retryAt).toISOString()} (${seconds} s), longer than maxRetryAfterMs allows`,
      options,
    )
    this.rule = rule
    this.retryAt = retryAt
    this.retryAfterMs = retryAfterMs
    Object.defineProperty(this, 'response', { value: options.response, enumerable: false, configurable: true })
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), rule: this.rule, retryAt: new Date(this.retryAt).toISOString() }
  }
}

/**
 * More requests are waiting than `maxQueued` allows, so this one is refused rather than letting memory grow
 * without bound. Slow down the producer, or raise `maxQueued`.
 *
 * @example
 * ```ts
 * const http = createClient({ baseUrl, plugins: [rateLimit({ rules, maxQueued: 500 })] })
 * // the 501st waiting request rejects with RateLimitQueueFullError
 * ```
 */
export class RateLimitQueueFullError extends B2bkitError {
  override name = 'RateLimitQueueFullError' as const
  /** The rule the refused request was for. */
  readonly rule: string
  /** The `maxQueued` in force. */
  readonly maxQueued: number

  constructor(rule: string, maxQueued: number) {
    super(
      'RATE_LIMIT_QUEUE_FULL',
      `${maxQueued} requests already wait for a rate-limit slot (maxQueued); refusing one more for "${rule}"`,
    )
    this.rule = rule
    this.maxQueued = maxQueued
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), rule: this.rule, maxQueued: this.maxQueued }
  }
}
