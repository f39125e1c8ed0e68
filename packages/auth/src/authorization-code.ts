import { ConfigurationError } from '@b2bkit/http'
import { AuthError } from './errors.js'
import { resolveTokenEndpoint } from './internal/endpoint-config.js'
import { readOAuthError } from './internal/oauth-error.js'
import { optionalText, requireOneOf, requireSecureUrl, requireText, scopeText } from './internal/options.js'
import { codeChallengeOf, createCodeVerifier, randomToken } from './internal/pkce.js'
import { requestToken } from './internal/token-endpoint.js'
import type { IssuedToken } from './internal/token-response.js'
import type { ClientAuthMethod, TokenEndpointOptions } from './token-endpoint-options.js'

/** Options of `authorizationCode()`. */
export interface AuthorizationCodeOptions extends TokenEndpointOptions {
  /**
   * The authorization endpoint the user is sent to.
   * @example
   * ```ts
   * authorizeUrl: 'https://login.bol.com/authorize'
   * ```
   */
  authorizeUrl: string | URL
  /** The client id. */
  clientId: string
  /**
   * The client secret of a confidential client; leave it out for a public client (PKCE alone).
   * @default none
   */
  clientSecret?: string | undefined
  /**
   * How the client authenticates at the token endpoint.
   * @default 'basic' with a client secret, 'none' without
   */
  authMethod?: ClientAuthMethod | undefined
  /** Where the authorization server sends the user back, exactly as registered. */
  redirectUri: string
}

/** Options of one authorization request. */
export interface AuthorizationUrlOptions {
  /**
   * The scope to ask for: space-separated, or a list.
   * @default none
   */
  scope?: string | readonly string[] | undefined
  /**
   * The `state` to send.
   * @default 16 random bytes, base64url
   */
  state?: string | undefined
  /**
   * More query parameters for the authorization server (`prompt`, `login_hint`, …).
   * @default none
   */
  parameters?: Readonly<Record<string, string>> | undefined
}

/** An authorization request: send the user to `url`; keep `state` and `codeVerifier` (server-side) for the callback. */
export interface AuthorizationRequest {
  /** The authorize URL with `response_type=code`, `state` and the S256 PKCE challenge. */
  url: string
  /** The `state` sent; the callback must bring it back. */
  state: string
  /** The PKCE code verifier: a secret, needed by `exchangeCode()`. */
  codeVerifier: string
}

/** Tokens from the token endpoint of the authorization code flow. */
export interface OAuthTokens {
  /** The access token. */
  accessToken: string
  /** Always `'Bearer'`: other token types are refused. */
  tokenType: 'Bearer'
  /** When the access token expires (epoch ms, the injected clock, corrected for the endpoint's clock). */
  expiresAt: number
  /** The refresh token; after `refresh()`, the old one when the server did not rotate it. */
  refreshToken?: string
  /** The granted scope, when the server said. */
  scope?: string
}

/** The authorization code flow with PKCE, for intermediaries acting for many sellers (bol.com's partner flow). */
export interface AuthorizationCodeFlow {
  /** Builds the authorize URL with a fresh PKCE verifier (S256) and `state`. */
  createAuthorizationRequest(options?: AuthorizationUrlOptions): Promise<AuthorizationRequest>
  /**
   * Reads the callback URL: returns the `code`; throws `AuthError` with code `AUTH_STATE_MISMATCH` when `state` is
   * not `expectedState`, or `AUTH_REJECTED` when the server sent an `error` (such as `access_denied`).
   */
  readCallback(callbackUrl: string | URL, expectedState: string): string
  /** Exchanges the code (and the verifier of its request) for tokens. */
  exchangeCode(options: { code: string; codeVerifier: string }): Promise<OAuthTokens>
  /** Gets a new access token with a refresh token. */
  refresh(refreshToken: string, options?: { scope?: string | readonly string[] | undefined }): Promise<OAuthTokens>
}

const authMethods: readonly ClientAuthMethod[] = ['basic', 'form', 'json', 'none']

/**
 * Helpers for the OAuth2 authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636). Options are checked here: a
 * mistake throws `ConfigurationError` naming the option.
 *
 * @example
 * ```ts
 * const flow = authorizationCode({ authorizeUrl, tokenUrl, clientId, clientSecret, redirectUri })
 * const request = await flow.createAuthorizationRequest({ scope: 'orders' })
 * session.set('oauth', { state: request.state, codeVerifier: request.codeVerifier })
 * redirect(request.url)
 * // … on the callback:
 * const code = flow.readCallback(callbackUrl, session.get('oauth').state)
 * const tokens = await flow.exchangeCode({ code, codeVerifier: session.get('oauth').codeVerifier })
 * const later = await flow.refresh(tokens.refreshToken!)
 * ```
 */
export function authorizationCode(options: AuthorizationCodeOptions): AuthorizationCodeFlow {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'authorizationCode() needs an options object')
  }
  const authorizeUrl = requireSecureUrl('authorizeUrl', options.authorizeUrl, options.allowInsecureHttp === true)
  const clientId = requireText('clientId', options.clientId)
  const clientSecret = optionalText('clientSecret', options.clientSecret)
  const authMethod = requireOneOf('authMethod', options.authMethod ?? (clientSecret ? 'basic' : 'none'), authMethods)
  if (authMethod !== 'none' && clientSecret === undefined) {
    throw new ConfigurationError('clientSecret', `is required with authMethod '${authMethod}'`)
  }
  const redirectUri = requireRedirectUri(options.redirectUri)
  const endpoint = resolveTokenEndpoint(options, { clientId, clientSecret, authMethod })

  const tokensOf = (token: IssuedToken, previousRefreshToken?: string): OAuthTokens => {
    const tokens: OAuthTokens = {
      accessToken: token.accessToken,
      tokenType: 'Bearer',
      expiresAt: endpoint.clock.toLocal(token.expiresAt),
    }
    const refreshToken = token.refreshToken ?? previousRefreshToken
    if (refreshToken !== undefined) tokens.refreshToken = refreshToken
    if (token.scope !== undefined) tokens.scope = token.scope
    return tokens
  }

  return {
    async createAuthorizationRequest(requestOptions = {}) {
      const state = optionalText('state', requestOptions.state) ?? randomToken(16)
      const codeVerifier = createCodeVerifier()
      const url = new URL(authorizeUrl)
      for (const [name, value] of Object.entries(requestOptions.parameters ?? {})) url.searchParams.set(name, value)
      url.searchParams.set('response_type', 'code')
      url.searchParams.set('client_id', clientId)
      url.searchParams.set('redirect_uri', redirectUri)
      const scope = scopeText(requestOptions.scope)
      if (scope !== undefined) url.searchParams.set('scope', scope)
      url.searchParams.set('state', state)
      url.searchParams.set('code_challenge', await codeChallengeOf(codeVerifier))
      url.searchParams.set('code_challenge_method', 'S256')
      return { url: url.toString(), state, codeVerifier }
    },

    readCallback(callbackUrl, expectedState) {
      const parameters = new URL(callbackUrl).searchParams
      // RFC 6749 §10.12: a callback without our state may be a forged one; check it before anything else.
      if (parameters.get('state') !== expectedState) {
        throw new AuthError('AUTH_STATE_MISMATCH', 'the callback state is not the one sent; start the login again')
      }
      if (parameters.has('error')) {
        const { oauthError, errorDescription } = readOAuthError(Object.fromEntries(parameters), [])
        const said = [oauthError, errorDescription].filter(Boolean).join(': ')
        throw new AuthError('AUTH_REJECTED', `the authorization server refused (${said})`, {
          oauthError,
          errorDescription,
        })
      }
      const code = parameters.get('code')
      if (!code) throw new AuthError('AUTH_INVALID_RESPONSE', 'the callback has neither a code nor an error')
      return code
    },

    async exchangeCode({ code, codeVerifier }) {
      const parameters = {
        grant_type: 'authorization_code',
        code: requireText('code', code),
        redirect_uri: redirectUri,
        code_verifier: requireText('codeVerifier', codeVerifier),
      }
      return tokensOf(await requestToken(endpoint, parameters, { secrets: [code, codeVerifier] }))
    },

    async refresh(refreshToken, refreshOptions = {}) {
      const parameters: Record<string, string> = {
        grant_type: 'refresh_token',
        refresh_token: requireText('refreshToken', refreshToken),
      }
      const scope = scopeText(refreshOptions.scope)
      if (scope !== undefined) parameters.scope = scope
      // RFC 6749 §6: a server that does not rotate refresh tokens sends none back; the old one stays valid.
      return tokensOf(await requestToken(endpoint, parameters, { secrets: [refreshToken] }), refreshToken)
    },
  }
}

function requireRedirectUri(value: unknown): string {
  const text = requireText('redirectUri', value)
  try {
    new URL(text)
  } catch (error) {
    throw new ConfigurationError('redirectUri', 'must be an absolute URL, exactly as registered', { cause: error })
  }
  return text
}
