import type { RetryOptions } from 'ky'
import type { TokenRequestListener } from './token-source.js'
import type { TokenStore } from './token-store.js'

/**
 * How the client proves who it is to the token endpoint (RFC 6749 §2.3.1): `basic` sends an
 * `Authorization: Basic` header (bol.com), `form` puts `client_id`/`client_secret` in the form body, `json` sends a
 * JSON body (Auth0, SieSmart), `none` sends only `client_id` (a public client using PKCE).
 */
export type ClientAuthMethod = 'basic' | 'form' | 'json' | 'none'

/** When a token is refreshed, relative to its expiry. */
export interface RefreshTimingOptions {
  /**
   * How long before expiry a background refresh starts: `getToken()` still answers at once with the current token
   * and fetches the next one behind the scenes. Capped at half the token's lifetime; `0` turns background refresh
   * off.
   * @default 10% of the token's lifetime or 30 000 ms, whichever is less
   * @example
   * ```ts
   * clientCredentials({ ...options, refreshBeforeExpiryMs: 60_000 })
   * ```
   */
  refreshBeforeExpiryMs?: number | undefined
  /**
   * A token with less than this left is not handed out: `getToken()` waits for a new one, so no request leaves
   * with a token that expires in flight. Capped at half the token's lifetime.
   * @default 5% of the token's lifetime or 10 000 ms, whichever is less
   * @example
   * ```ts
   * clientCredentials({ ...options, expiryMarginMs: 15_000 })
   * ```
   */
  expiryMarginMs?: number | undefined
}

/** Options of every flow that calls a token endpoint. */
export interface TokenEndpointOptions {
  /**
   * The token endpoint. Must be https, or plain http to a loopback host (a test server, the emulator).
   * @example
   * ```ts
   * tokenUrl: 'https://login.bol.com/token'
   * ```
   */
  tokenUrl: string | URL
  /**
   * The `fetch` the token request is sent with.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined
  /**
   * Retries of a failed token request: 408, 429, 5xx, timeouts and network errors are retried with exponential
   * backoff and jitter (and `Retry-After`, capped at 60 s); 400/401 and other 4xx are final. A number sets the
   * limit; an object is ky's retry options.
   * @default 3
   * @example
   * ```ts
   * retry: { limit: 5, backoffLimit: 2_000 }
   * ```
   */
  retry?: number | RetryOptions | undefined
  /**
   * How long one attempt may take.
   * @default 10_000
   */
  timeoutMs?: number | undefined
  /**
   * Allow plain `http://` to a token endpoint that is not loopback. Off, because client credentials sent in
   * clear text are credentials given away.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined
  /**
   * The clock, as epoch ms. Inject one to test expiry and refresh without waiting.
   * @default Date.now
   * @example
   * ```ts
   * let now = Date.now()
   * clientCredentials({ ...options, clock: () => now })
   * now += 290_000 // 290 s later, without sleeping
   * ```
   */
  clock?: (() => number) | undefined
  /**
   * The lifetime to assume for a token whose response has neither a JWT `exp` nor `expires_in`.
   * @default 300_000
   */
  defaultLifetimeMs?: number | undefined
}

/** Options of a cached, self-refreshing token source. */
export interface TokenSourceOptions extends RefreshTimingOptions {
  /**
   * Where tokens are kept. Pass one store to several sources (or a Redis store to several processes) to share
   * one token.
   * @default a new `memoryTokenStore()` for this source
   */
  store?: TokenStore | undefined
  /**
   * The key of this source's token in the store. Sources with the same key share a token.
   * @default derived from the token URL, client id, scope and audience
   */
  storeKey?: string | undefined
  /**
   * How long one source may hold the store's refresh lock before another may take over (a holder that died).
   * @default 30_000
   */
  lockLeaseMs?: number | undefined
  /**
   * Called after every token request, with no secret in the event: for metrics such as "token refreshes".
   * @default none
   * @example
   * ```ts
   * onTokenRequest: (event) => console.info(`bol token ${event.reason}: ${event.ok ? 'ok' : event.error?.code}`)
   * ```
   */
  onTokenRequest?: TokenRequestListener | undefined
}
