import type { ProviderClientStats } from '@b2bkit/provider-kit'

/**
 * A plain snapshot of what one client has done, for progress views and summaries: requests, 429s, retries, token
 * requests, requests waiting in the limiter, failures without a response. The shape every b2bkit provider client
 * shares (`ProviderClientStats` of `@b2bkit/provider-kit`).
 *
 * @example
 * ```ts
 * const { requests, tooManyRequests, throttled } = client.stats()
 * console.log(`${requests} requests, ${tooManyRequests} refused with 429, ${throttled} waiting`)
 * ```
 */
export type ConvictionalClientStats = ProviderClientStats
