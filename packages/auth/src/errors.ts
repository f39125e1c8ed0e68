import { B2bkitError, type B2bkitErrorOptions } from '@b2bkit/http'

const authErrorMarker = Symbol.for('b2bkit.error.auth')

/**
 * The stable codes of `AuthError`:
 * - `AUTH_REJECTED`: the authorization server refused (a 4xx from the token endpoint, or an `error` on the
 *   authorization callback). Final: retrying with the same credentials will not help.
 * - `AUTH_UNAVAILABLE`: the token endpoint failed with 5xx, 429, a timeout or a network error, after retries.
 * - `AUTH_INVALID_RESPONSE`: the token endpoint answered 2xx with something that is not a usable token
 *   (not JSON, no `access_token`, a malformed JWT, a token that has already expired, a redirect).
 * - `AUTH_STATE_MISMATCH`: an authorization callback whose `state` is not the one sent.
 */
export type AuthErrorCode = 'AUTH_REJECTED' | 'AUTH_UNAVAILABLE' | 'AUTH_INVALID_RESPONSE' | 'AUTH_STATE_MISMATCH'

/** What an `AuthError` knows besides its message. */
export interface AuthErrorOptions extends B2bkitErrorOptions {
  /** The HTTP status of the token endpoint's answer. */
  status?: number | undefined
  /** The OAuth `error` code, such as `invalid_client` (RFC 6749 §5.2). */
  oauthError?: string | undefined
  /** The OAuth `error_description`, with any secret removed. */
  errorDescription?: string | undefined
  /** The token endpoint, without query string or user info. */
  tokenUrl?: string | undefined
  /** The token endpoint's response; kept non-enumerable, so logging the error never dumps it. */
  response?: Response | undefined
}

/**
 * Getting a token failed. The message, `toJSON()` and `util.inspect` output never hold the client secret, a
 * token or an `Authorization` value.
 *
 * @example
 * ```ts
 * try { await tokens.getToken() } catch (error) {
 *   if (isAuthError(error) && error.code === 'AUTH_REJECTED') console.error(error.oauthError) // 'invalid_client'
 * }
 * ```
 */
export class AuthError extends B2bkitError {
  override name = 'AuthError' as const
  declare readonly code: AuthErrorCode
  /** The HTTP status of the token endpoint's answer, when there was one. */
  readonly status: number | undefined
  /** The OAuth `error` code, such as `invalid_client`. */
  readonly oauthError: string | undefined
  /** The OAuth `error_description`, with any secret removed. */
  readonly errorDescription: string | undefined
  /** The token endpoint, without query string or user info. */
  readonly tokenUrl: string | undefined
  /** The token endpoint's response (non-enumerable). */
  declare readonly response: Response | undefined

  constructor(code: AuthErrorCode, message: string, options: AuthErrorOptions = {}) {
    super(code, message, options)
    this.status = options.status
    this.oauthError = options.oauthError
    this.errorDescription = options.errorDescription
    this.tokenUrl = options.tokenUrl
    Object.defineProperty(this, 'response', { value: options.response, enumerable: false })
    Object.defineProperty(this, authErrorMarker, { value: true })
  }

  override toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { ...super.toJSON() }
    if (this.status !== undefined) json.status = this.status
    if (this.oauthError !== undefined) json.oauthError = this.oauthError
    if (this.errorDescription !== undefined) json.errorDescription = this.errorDescription
    if (this.tokenUrl !== undefined) json.tokenUrl = this.tokenUrl
    return json
  }
}

/**
 * Whether `value` is an `AuthError`, even one thrown by another installed copy of `@b2bkit/auth`.
 *
 * @example
 * ```ts
 * if (isAuthError(error) && error.code === 'AUTH_UNAVAILABLE') scheduleRetry()
 * ```
 */
export function isAuthError(value: unknown): value is AuthError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[authErrorMarker] === true
}
