import { type CreateClientOptions, createClient, type Plugin, requestMetrics } from '@b2bkit/http'
import { type ProblemParser, problemDetails } from '@b2bkit/problem'
import {
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitPlugin,
  type RateLimitStore,
  rateLimit,
} from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import { asDirectory } from './common-client-options.js'
import type { ProviderClientStats } from './provider-client-stats.js'

/**
 * What a provider client is built from. The plugins are composed in b2bkit's order: `requestMetrics()`, `auth`,
 * `beforeRateLimit`, the rate limiter, `problemDetails()`, `afterProblem`.
 *
 * @example
 * ```ts
 * const options: ComposeProviderClientOptions = {
 *   client: { baseUrl: 'https://api.example.test', headers: { accept: 'application/json' } },
 *   auth: apiKeyAuth({ header: 'X-Api-Key', value: apiKey }),
 *   rateLimit: { defaultRule: { limit: 100, intervalMs: 60_000 }, adaptive: true },
 * }
 * ```
 */
export interface ComposeProviderClientOptions {
  /**
   * `createClient()`'s own options: base URL, fetch, user agent, timeout, retry, headers, hooks, … The base URL is
   * made a directory (`asDirectory()`); `plugins` is replaced by the composed ones.
   */
  client: CreateClientOptions
  /** The auth plugin (`apiKeyAuth()`, `bearerAuth()`, …). */
  auth: Plugin
  /**
   * Plugins between auth and the rate limiter: they see a response before the limiter does.
   * @default []
   */
  beforeRateLimit?: readonly Plugin[] | undefined
  /**
   * The limiter: its options (the provider's defaults merged with the caller's), a `rateLimit()` plugin built by
   * the provider client (when it needs its own rules or error naming), or `false` for none.
   */
  rateLimit: RateLimiterOptions | RateLimitPlugin | false
  /**
   * Where the limiter keeps its budgets, when `rateLimit` is given as options (a prebuilt plugin has its store).
   * @default the limiter's in-memory store
   */
  rateLimitStore?: RateLimitStore | undefined
  /**
   * Provider parsers for error bodies the built-in ones of `@b2bkit/problem` do not read whole.
   * @default []
   */
  problemParsers?: readonly ProblemParser[] | undefined
  /**
   * Plugins after problem details, such as `etag()`.
   * @default []
   */
  afterProblem?: readonly Plugin[] | undefined
  /**
   * Token requests so far, for `stats().tokenRequests` (OAuth providers).
   * @default () => 0
   */
  tokenRequests?: (() => number) | undefined
}

/**
 * The composed ky instance, its limiter and its statistics.
 *
 * @example
 * ```ts
 * const { http, limiter, stats }: ComposedProviderClient = composeProviderClient(options)
 * ```
 */
export interface ComposedProviderClient {
  /** The ky instance every call goes through. */
  http: KyInstance
  /** The rate limiter, or `undefined` with `rateLimit: false`. */
  limiter: RateLimiter | undefined
  /** A fresh snapshot of what the client has done so far. */
  stats: () => ProviderClientStats
}

const isRateLimitPlugin = (value: RateLimiterOptions | RateLimitPlugin): value is RateLimitPlugin =>
  'limiter' in value && 'options' in value

function limiterPlugin(options: ComposeProviderClientOptions): RateLimitPlugin | undefined {
  const { rateLimit: limit, rateLimitStore: store } = options
  if (limit === false) return undefined
  if (isRateLimitPlugin(limit)) return limit
  return rateLimit({ ...limit, ...(store === undefined ? {} : { store }) })
}

/**
 * Builds a provider client's ky instance: `createClient()` with the plugins in b2bkit's order (metrics, auth,
 * `beforeRateLimit`, rate limit, problem details, `afterProblem`), and a `stats()` that reads the metrics, the
 * token count and the limiter's queue. The state (metrics, limiter) lives in the returned object.
 *
 * @example
 * ```ts
 * const { http, limiter, stats } = composeProviderClient({
 *   client: { baseUrl: options.baseUrl ?? 'https://api.example.test', ...commonClientOptions(options) },
 *   auth: apiKeyAuth({ header: 'X-Api-Key', value: apiKey }),
 *   rateLimit: rateLimitOptions(options.rateLimit, { defaultRule: { limit: 100, intervalMs: 60_000 } }),
 *   rateLimitStore: options.rateLimitStore,
 * })
 * ```
 */
export function composeProviderClient(options: ComposeProviderClientOptions): ComposedProviderClient {
  const metrics = requestMetrics()
  const limits = limiterPlugin(options)
  const plugins = [
    metrics,
    options.auth,
    ...(options.beforeRateLimit ?? []),
    ...(limits === undefined ? [] : [limits]),
    problemDetails({ parsers: options.problemParsers ?? [] }),
    ...(options.afterProblem ?? []),
  ]
  const http = createClient({ ...options.client, baseUrl: asDirectory(options.client.baseUrl), plugins })
  const limiter = limits?.limiter
  return {
    http,
    limiter,
    stats: () => {
      const counts = metrics.snapshot()
      return {
        requests: counts.requests,
        tooManyRequests: counts.tooManyRequests,
        retries: counts.retries,
        tokenRequests: options.tokenRequests?.() ?? 0,
        throttled: limiter?.stats().waiting ?? 0,
        failuresWithoutResponse: counts.failuresWithoutResponse,
      }
    },
  }
}
