/**
 * A plain snapshot of what one client has done, for progress views and summaries.
 *
 * @example
 * ```ts
 * const { requests, tooManyRequests, throttled } = client.stats()
 * console.log(`${requests} requests, ${tooManyRequests} refused with 429, ${throttled} waiting`)
 * ```
 */
export interface B2BRouterClientStats {
  /** Requests handed to fetch, first attempts and retries alike. */
  requests: number
  /** Responses with status 429. */
  tooManyRequests: number
  /** Retries, whatever their cause. */
  retries: number
  /** Requests to the token endpoint (0 for an API-key provider). */
  tokenRequests: number
  /** Requests waiting in the rate limiter now. */
  throttled: number
  /** Requests that ended without a response (network error or timeout), retries included. */
  failuresWithoutResponse: number
}
