import type { Plugin } from './plugin.js'

/** Counts of what one client sent and got back, for progress views and summaries. */
export interface RequestMetricsSnapshot {
  /** Requests handed to fetch, first attempts and retries alike. */
  requests: number
  /** Responses received, by status code. */
  responsesByStatus: Record<number, number>
  /** Responses with status 429. */
  tooManyRequests: number
  /** Retries (ky's retries, whatever their cause). */
  retries: number
  /** Requests that ended without a response (network error or timeout), retries included. */
  failuresWithoutResponse: number
  /** Requests sent but not yet answered. */
  inFlight: number
}

/** A plugin that counts requests, responses, 429s and retries; read them with `snapshot()`. */
export interface RequestMetricsPlugin extends Plugin {
  /** A copy of the counts so far. */
  snapshot(): RequestMetricsSnapshot
}

/**
 * Counts the requests a client sends and what comes back. Put it first in `plugins` to count every attempt.
 *
 * @example
 * ```ts
 * const metrics = requestMetrics()
 * const http = createClient({ baseUrl, plugins: [metrics, bearerAuth(tokens)] })
 * await http.get('orders')
 * metrics.snapshot() // { requests: 1, responsesByStatus: { 200: 1 }, tooManyRequests: 0, retries: 0, … }
 * ```
 */
export function requestMetrics(): RequestMetricsPlugin {
  const counts: RequestMetricsSnapshot = {
    requests: 0,
    responsesByStatus: {},
    tooManyRequests: 0,
    retries: 0,
    failuresWithoutResponse: 0,
    inFlight: 0,
  }
  const countingFetch = (send: typeof fetch): typeof fetch => {
    return async (input, init) => {
      counts.requests++
      counts.inFlight++
      try {
        const response = await send(input, init)
        counts.responsesByStatus[response.status] = (counts.responsesByStatus[response.status] ?? 0) + 1
        if (response.status === 429) counts.tooManyRequests++
        return response
      } catch (error) {
        counts.failuresWithoutResponse++
        throw error
      } finally {
        counts.inFlight--
      }
    }
  }
  return {
    name: 'request-metrics',
    options: {
      hooks: {
        init: [
          (options) => {
            // Wrap whatever fetch the client sends with, so retries and hook-made requests are counted too.
            options.fetch = countingFetch(options.fetch ?? globalThis.fetch)
          },
        ],
        beforeRetry: [() => void counts.retries++],
      },
    },
    snapshot: () => ({ ...counts, responsesByStatus: { ...counts.responsesByStatus } }),
  }
}
