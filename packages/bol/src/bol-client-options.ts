import type { TokenRequestListener, TokenStore } from '@b2bkit/auth'
import type { DeprecationHandler } from '@b2bkit/http'
import type { RateLimiterOptions, RateLimitRule, RateLimitStore } from '@b2bkit/rate-limit'
import type { RetryOptions } from 'ky'
import type { ProcessPollingOptions } from './process-polling.js'

/** Which bol environment a client talks to: the live API, or bol's demo API with canned answers. */
export type BolEnvironment = 'production' | 'demo'

/** The limiter's settings besides its store; `rules` default to `bolRateLimitRules`. */
export interface BolRateLimitSettings extends Omit<RateLimiterOptions, 'store'> {}

/**
 * The `rateLimit` option: `false` switches client-side limiting off; a list of rules replaces bol's defaults; an
 * object tunes the limiter (its `rules` still default to bol's).
 */
export type BolRateLimitOption = false | readonly RateLimitRule[] | BolRateLimitSettings

/** Options of `createBolClient()`. */
export interface BolClientOptions {
  /**
   * The client id of your API credentials (bol's partner platform, under Services › API).
   * @example
   * ```ts
   * clientId: process.env.BOL_CLIENT_ID
   * ```
   */
  clientId: string
  /** The client secret. It never reaches an error message, `toJSON()` or a log line. */
  clientSecret: string
  /**
   * `'production'`, or `'demo'` for bol's demo API: the same hosts, with paths under `/retailer-demo/` and
   * `/shared-demo/`.
   * @example
   * ```ts
   * environment: 'demo'
   * ```
   */
  environment: BolEnvironment
  /**
   * The API's base URL: bol's, a proxy, or `@b2bkit/emulator`'s `url`.
   * @default 'https://api.bol.com'
   */
  baseUrl?: string | URL | undefined
  /**
   * The token endpoint: bol's, or the emulator's `tokenUrl`.
   * @default 'https://login.bol.com/token'
   */
  tokenUrl?: string | URL | undefined
  /**
   * The `fetch` the client (and its token requests) send with.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined
  /**
   * Where the access token lives. bol blocks clients that ask for a token per call, so every call of a client shares
   * one token; pass a shared store (`@b2bkit/redis`) to share one token across processes and machines.
   * @default a memoryTokenStore() of this client
   */
  tokenStore?: TokenStore | undefined
  /**
   * Where rate-limit budgets live; a shared store makes a fleet keep to one quota.
   * @default a MemoryRateLimitStore of this client
   */
  rateLimitStore?: RateLimitStore | undefined
  /**
   * The client-side rate limits: `false` for none, a list of rules to replace bol's, or the limiter's settings.
   * @default { rules: bolRateLimitRules, adaptive: true }
   * @example
   * ```ts
   * rateLimit: [{ method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 }]
   * ```
   */
  rateLimit?: BolRateLimitOption | undefined
  /**
   * Called once per endpoint when bol says it is deprecated (`Warning: 299`, `Deprecation`, `Sunset`).
   * @default none
   */
  onDeprecation?: DeprecationHandler | undefined
  /**
   * Called after every token request, with a secret-free event.
   * @default none
   */
  onTokenRequest?: TokenRequestListener | undefined
  /**
   * Your app's name and version, sent after `b2bkit/<version>` in the `User-Agent`.
   * @default none
   */
  userAgent?: string | undefined
  /**
   * The timeout of one attempt in milliseconds, or `false` for none.
   * @default 10_000 (ky's)
   */
  timeout?: number | false | undefined
  /**
   * Retries of a failed call (a number as the limit, or ky's retry options). Writes (POST) are never retried blindly.
   * @default 2
   */
  retry?: number | RetryOptions | undefined
  /**
   * Allow credentials over plain `http://` to a host that is not loopback.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined
  /**
   * The most bytes of a response body read; a longer one fails with `ResponseTooLargeError`. Raise it for the offer
   * export of a catalogue larger than about a hundred thousand offers. `false` for no bound.
   * @default 16_777_216 (16 MiB)
   */
  maxResponseBytes?: number | false | undefined
  /**
   * How `wait()`, `processStatus.wait()` and `processStatus.waitMany()` poll.
   * @default { intervalMs: 1000, maxIntervalMs: 30_000, backoffFactor: 1.5, timeoutMs: 600_000, batchIntervalMs: 1000 }
   */
  processPolling?: ProcessPollingOptions | undefined
}
