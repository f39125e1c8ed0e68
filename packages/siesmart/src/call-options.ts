/**
 * Per-call options every resource method takes as its last argument.
 *
 * @example
 * ```ts
 * await client.proposals.get(id, { signal: AbortSignal.timeout(5_000), priority: 10 })
 * ```
 */
export interface SieSmartCallOptions {
  /**
   * Aborts the call: a request waiting in the rate limiter leaves the queue, one in flight is cancelled.
   * @default none
   */
  signal?: AbortSignal | undefined
  /**
   * The call's priority in the rate limiter's queue: higher goes first. Give interactive calls a higher one.
   * @default 0
   */
  priority?: number | undefined
  /**
   * The timeout of one attempt in milliseconds, or `false` for none; overrides the client's.
   * @default the client's `timeout`
   */
  timeout?: number | false | undefined
}
