/**
 * Per-call options every resource method takes as its last argument.
 *
 * @example
 * ```ts
 * await client.seller.orders.get(id, { signal: AbortSignal.timeout(5_000), priority: 10 })
 * ```
 */
export interface ConvictionalCallOptions {
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

/**
 * Options of `iterate()`: the call options (for every page), plus a cap on the pages fetched.
 *
 * @example
 * ```ts
 * for await (const item of resource.iterate({}, { maxPages: 10, signal: AbortSignal.timeout(60_000) })) { … }
 * ```
 */
export interface ConvictionalIterateOptions extends ConvictionalCallOptions {
  /**
   * The most pages to fetch; the iteration ends quietly after them, so set it above what you expect.
   * @default Infinity
   */
  maxPages?: number | undefined
}
