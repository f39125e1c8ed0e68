import { decodeJwt } from 'jose'
import { AuthError } from '../errors.js'
import type { StoredToken } from '../token-store.js'

/** A token endpoint's answer, parsed: the access token with its times, and a refresh token when one came. */
export interface IssuedToken extends StoredToken {
  /** The refresh token, when the endpoint issued one (authorization code flow). */
  refreshToken?: string
}

/** What the parser needs to know besides the body. */
export interface TokenResponseContext {
  /** When the request was sent, on the token endpoint's clock. */
  issuedAt: number
  /** The lifetime to assume when neither a JWT `exp` nor `expires_in` says. */
  defaultLifetimeMs: number
  /** The token endpoint, redacted, for the error. */
  tokenUrl: string
}

// RFC 6750 §2.1 b64token, widened to any visible ASCII: a token must be safe to put in a header as it is.
const headerSafe = /^[\x21-\x7e]+$/

/**
 * Reads a token response (RFC 6749 §5.1). Expiry comes from the JWT `exp` claim (decoded without a signature
 * check: the client is not the token's audience), else from `expires_in`, else `defaultLifetimeMs`. Anything
 * unusable is an `AuthError` with code `AUTH_INVALID_RESPONSE` whose message names the field, never its value.
 */
export function parseTokenResponse(body: unknown, context: TokenResponseContext): IssuedToken {
  const invalid = (message: string) =>
    new AuthError('AUTH_INVALID_RESPONSE', `token endpoint answered 2xx, but ${message}`, {
      tokenUrl: context.tokenUrl,
    })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('the body is not a JSON object')
  const fields = body as Record<string, unknown>
  const accessToken = fields.access_token
  if (typeof accessToken !== 'string' || accessToken === '') throw invalid('the body has no access_token string')
  if (!headerSafe.test(accessToken)) throw invalid('the access_token holds characters a header cannot carry')
  const tokenType = fields.token_type ?? 'Bearer'
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw invalid('the token_type is not Bearer, the only type this client can send')
  }
  const expiresAt = expiryOf(accessToken, fields.expires_in, context, invalid)
  if (expiresAt <= context.issuedAt) {
    throw invalid('the token had already expired when it arrived (is the token endpoint clock or exp claim wrong?)')
  }
  const token: IssuedToken = { accessToken, tokenType: 'Bearer', issuedAt: context.issuedAt, expiresAt }
  if (typeof fields.scope === 'string') token.scope = fields.scope
  if (fields.refresh_token !== undefined) {
    if (typeof fields.refresh_token !== 'string' || !headerSafe.test(fields.refresh_token)) {
      throw invalid('the refresh_token is not a token string')
    }
    token.refreshToken = fields.refresh_token
  }
  return token
}

function expiryOf(
  accessToken: string,
  expiresIn: unknown,
  context: TokenResponseContext,
  invalid: (message: string) => AuthError,
): number {
  const exp = looksLikeJwt(accessToken) ? expClaimOf(accessToken, invalid) : undefined
  if (exp !== undefined) return exp * 1000
  if (expiresIn !== undefined && expiresIn !== null) {
    // Some servers send expires_in as a string; RFC 6749 §5.1 says a number of seconds.
    const seconds = typeof expiresIn === 'string' && expiresIn.trim() !== '' ? Number(expiresIn) : expiresIn
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
      throw invalid('expires_in is not a positive number of seconds')
    }
    return context.issuedAt + seconds * 1000
  }
  return context.issuedAt + context.defaultLifetimeMs
}

/** A JWS compact JWT: starts with an encoded JSON header (`eyJ` is `{"`) and is not a five-part JWE. */
function looksLikeJwt(token: string): boolean {
  return token.startsWith('eyJ') && token.includes('.') && token.split('.').length !== 5
}

function expClaimOf(token: string, invalid: (message: string) => AuthError): number | undefined {
  let claims: Record<string, unknown>
  try {
    claims = decodeJwt(token)
  } catch {
    // jose's message is safe, but the cause would carry nothing the caller can act on.
    throw invalid('the access_token looks like a JWT and its claims cannot be decoded (malformed JWT)')
  }
  if (claims.exp === undefined) return undefined
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) {
    throw invalid('the access_token JWT has an exp claim that is not a number')
  }
  return claims.exp
}
