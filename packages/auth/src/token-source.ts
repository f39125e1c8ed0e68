import type { AuthError } from './errors.js'

/** Options of one `getToken()` call. */
export interface GetTokenOptions {
  /**
   * Stops this caller's wait. The shared token request goes on for the other callers.
   * @default none
   */
  signal?: AbortSignal | undefined
}

/**
 * Hands out access tokens: cached, refreshed before they expire, one token request at a time however many callers
 * ask at once. `bearerAuth(source)` turns it into a plugin.
 *
 * @example
 * ```ts
 * const tokens = clientCredentials({ tokenUrl, clientId, clientSecret, authMethod: 'basic' })
 * const token = await tokens.getToken()
 * ```
 */
export interface TokenSource {
  /**
   * A usable access token: the cached one while it has time left (starting a background refresh when it is in
   * its refresh window), else a new one, fetched once for all callers waiting at that moment.
   */
  getToken(options?: GetTokenOptions): Promise<string>
  /**
   * Forgets a token the API refused (a 401), so the next `getToken()` fetches a new one. Given the refused
   * token, it forgets only that one: when many requests fail with the same token at once, the first call
   * invalidates it and the rest do nothing, so they all share one refresh.
   */
  invalidate(token?: string): Promise<void>
}

/** Why a token request was sent. */
export type TokenRequestReason =
  /** No token yet. */
  | 'initial'
  /** The token is in its refresh window; callers keep using it meanwhile. */
  | 'background'
  /** The token is past its expiry margin; callers wait. */
  | 'expired'
  /** `invalidate()` threw the token away (the API answered 401). */
  | 'invalidated'

/**
 * One token request, as reported to `onTokenRequest`. It holds no secret and no token, so it is safe to log.
 *
 * @example
 * ```ts
 * onTokenRequest: (event) => metrics.increment('token_requests', { ok: String(event.ok), reason: event.reason })
 * ```
 */
export interface TokenRequestEvent {
  /** Why the request was sent. */
  reason: TokenRequestReason
  /** Whether a token came back. */
  ok: boolean
  /** The token endpoint, without query string or user info. */
  tokenUrl: string
  /** When the request started (epoch ms, the injected clock). */
  startedAt: number
  /** How long it took, retries included. */
  durationMs: number
  /** HTTP attempts made, retries included. */
  attempts: number
  /** When the new token expires (epoch ms, the injected clock), when `ok`. */
  expiresAt?: number
  /** The new token's lifetime in ms, when `ok`. */
  lifetimeMs?: number
  /** What went wrong, when not `ok` (secret-free). */
  error?: AuthError
}

/** Observes token requests, for metrics and logs ("token refreshes per provider"). Exceptions it throws are ignored. */
export type TokenRequestListener = (event: TokenRequestEvent) => void
