/**
 * A plain snapshot of what one provider client has done, for progress views, dashboards and summaries. Every
 * b2bkit provider client's `stats()` returns this shape (`BolClientStats`, `B2BRouterClientStats`,
 * `ConvictionalClientStats` and `SieSmartClientStats` are its names there).
 *
 * @example
 * ```ts
 * const { requests, tooManyRequests, throttled } = client.stats()
 * console.log(`${requests} requests, ${tooManyRequests} refused with 429, ${throttled} waiting`)
 * ```
 */
export interface ProviderClientStats {
  /** Requests handed to fetch, first attempts and retries alike (token requests not). */
  requests: number
  /** Responses with status 429. */
  tooManyRequests: number
  /** Retries, whatever their cause (a 429, a 401 with an expired token, a 5xx, a lost connection). */
  retries: number
  /** Requests to the token endpoint (0 for an API-key provider). */
  tokenRequests: number
  /** Requests waiting in the rate limiter now. */
  throttled: number
  /** Requests that ended without a response (network error or timeout), retries included. */
  failuresWithoutResponse: number
}
