import { type CreateClientOptions, createClient, type Plugin, requestMetrics } from '@b2bkit/http'
import { type ProblemParser, problemDetails } from '@b2bkit/problem'
import { type RateLimiter, type RateLimiterOptions, type RateLimitStore, rateLimit } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import type { B2BRouterClientStats } from '../client-stats.js'

/** What a provider client is built from. */
export interface ComposeOptions {
  /** createClient's own options: base URL, fetch, user agent, timeout, retry, headers, … */
  client: CreateClientOptions
  /** The auth plugin. */
  auth: Plugin
  /** Plugins between auth and the rate limiter (they see a response before the limiter does). */
  beforeRateLimit?: readonly Plugin[]
  /** The limiter's options with the provider's defaults, or `false` for none. */
  rateLimit: RateLimiterOptions | false
  /** Where the limiter keeps its budgets. */
  rateLimitStore: RateLimitStore | undefined
  /** Provider parsers for error bodies the built-in ones do not read whole. */
  problemParsers: readonly ProblemParser[]
  /** Token requests so far (OAuth providers). */
  tokenRequests?: () => number
}

/** The composed ky instance, its limiter and its statistics. */
export interface Composed {
  http: KyInstance
  limiter: RateLimiter | undefined
  stats: () => B2BRouterClientStats
}

/** Composes the provider client's plugins in b2bkit's order: metrics, auth, rate limit, problem details. */
export function compose(options: ComposeOptions): Composed {
  const metrics = requestMetrics()
  const limits =
    options.rateLimit === false
      ? undefined
      : rateLimit({
          ...options.rateLimit,
          ...(options.rateLimitStore === undefined ? {} : { store: options.rateLimitStore }),
        })
  const plugins = [
    metrics,
    options.auth,
    ...(options.beforeRateLimit ?? []),
    ...(limits === undefined ? [] : [limits]),
    problemDetails({ parsers: options.problemParsers }),
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

/** The options every provider client passes straight to `createClient()`. */
export interface CommonClientOptions {
  fetch?: typeof globalThis.fetch | undefined
  onDeprecation?: CreateClientOptions['onDeprecation'] | undefined
  userAgent?: string | undefined
  timeout?: number | undefined
  retry?: CreateClientOptions['retry'] | undefined
  allowInsecureHttp?: boolean | undefined
}

/** The common options that were given, without the undefined ones (createClient's types are exact). */
export function commonClientOptions(options: CommonClientOptions): Partial<CreateClientOptions> {
  const { fetch, onDeprecation, userAgent, timeout, retry, allowInsecureHttp } = options
  return Object.fromEntries(
    Object.entries({ fetch, onDeprecation, userAgent, timeout, retry, allowInsecureHttp }).filter(
      ([, value]) => value !== undefined,
    ),
  )
}

/**
 * The base URL with a trailing slash, so relative paths resolve below it (`…/siesmart/b2b` + `v1/x` →
 * `…/siesmart/b2b/v1/x`, not `…/siesmart/v1/x`). A value that is not a URL is left for createClient to refuse.
 */
export function asDirectory(baseUrl: string | URL): string | URL {
  try {
    const url = new URL(baseUrl)
    if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
    return url
  } catch {
    return baseUrl
  }
}
