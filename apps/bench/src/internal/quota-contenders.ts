// The clients of the quota-use figure: each turns "GET this path" into a call with its own way of handling 429s.
import { createClient } from '@b2bkit/http'
import { rateLimit } from '@b2bkit/rate-limit'
import { Octokit } from '@octokit/core'
import { throttling } from '@octokit/plugin-throttling'
import ky from 'ky'

/** Sends one GET of `path` (absolute, e.g. `/retailer/orders/1`). */
export type Send = (path: string, signal: AbortSignal) => Promise<unknown>

export interface QuotaSetup {
  baseUrl: string
  /** Headers every request needs (the bearer token and bol's media type). */
  headers: Record<string, string>
  /** The server's rule: `limit` requests per `windowMs` for `pathPattern`. */
  limit: number
  windowMs: number
  pathPattern: string
}

export interface Contender {
  name: string
  make: (setup: QuotaSetup) => Send
}

const quiet = { warn: () => {} }

export const contenders: readonly Contender[] = [
  {
    name: 'b2bkit (rule configured)',
    make: ({ baseUrl, headers, limit, windowMs, pathPattern }) => {
      const limiter = rateLimit({ rules: [{ path: pathPattern, limit, intervalMs: windowMs }], logger: quiet })
      const http = createClient({ baseUrl, headers, plugins: [limiter] })
      return (path, signal) => http.get(path.slice(1), { signal }).json()
    },
  },
  {
    name: 'b2bkit (learned from headers)',
    make: ({ baseUrl, headers }) => {
      const http = createClient({ baseUrl, headers, plugins: [rateLimit({ logger: quiet })] })
      return (path, signal) => http.get(path.slice(1), { signal }).json()
    },
  },
  {
    name: 'ky 2 with retry (limit 2, Retry-After)',
    make: ({ baseUrl, headers }) => {
      const http = ky.create({ baseUrl, headers, retry: { limit: 2 } })
      return (path, signal) => http.get(path.slice(1), { signal }).json()
    },
  },
  {
    name: 'Octokit + plugin-throttling',
    make: ({ baseUrl, headers }) => {
      const Throttled = Octokit.plugin(throttling)
      const retryTwice = (_retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
        retryCount < 2
      const octokit = new Throttled({
        baseUrl,
        throttle: { onRateLimit: retryTwice, onSecondaryRateLimit: retryTwice },
      })
      // Octokit takes no default headers; they go with each request.
      return (path, signal) => octokit.request(`GET ${path}`, { headers, request: { signal } })
    },
  },
]
