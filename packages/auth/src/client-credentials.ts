import { ConfigurationError } from '@b2bkit/http'
import { resolveTokenEndpoint } from './internal/endpoint-config.js'
import {
  displayUrl,
  optionalFunction,
  optionalMilliseconds,
  optionalPositiveMilliseconds,
  optionalStore,
  optionalText,
  requireOneOf,
  requireText,
  scopeText,
} from './internal/options.js'
import { createTokenCache } from './internal/token-cache.js'
import { requestToken } from './internal/token-endpoint.js'
import { memoryTokenStore } from './memory-token-store.js'
import type { TokenEndpointOptions, TokenSourceOptions } from './token-endpoint-options.js'
import type { TokenSource } from './token-source.js'

/**
 * How the client credentials reach the token endpoint (RFC 6749 §2.3.1):
 * - `'basic'`: `Authorization: Basic base64(id:secret)` and a form body (bol.com);
 * - `'form'`: `client_id` and `client_secret` in the form body;
 * - `'json'`: a JSON body with `client_id`, `client_secret`, `audience` (Auth0, SieSmart).
 */
export type ClientCredentialsAuthMethod = 'basic' | 'form' | 'json'

/** Options of `clientCredentials()`. */
export interface ClientCredentialsOptions extends TokenEndpointOptions, TokenSourceOptions {
  /** The client id. */
  clientId: string
  /** The client secret. Never appears in an error, an event or a log line. */
  clientSecret: string
  /**
   * How the credentials are sent.
   * @example
   * ```ts
   * authMethod: 'basic' // bol.com; 'json' for Auth0 / SieSmart
   * ```
   */
  authMethod: ClientCredentialsAuthMethod
  /**
   * The scope to ask for: space-separated, or a list.
   * @default none
   */
  scope?: string | readonly string[] | undefined
  /**
   * The API the token is for, as Auth0 wants (`audience`).
   * @default none
   */
  audience?: string | undefined
}

const authMethods: readonly ClientCredentialsAuthMethod[] = ['basic', 'form', 'json']

/**
 * A `TokenSource` for the OAuth2 client credentials grant (RFC 6749 §4.4), with a cache, single-flight and
 * two-tier refresh, expiry from the JWT `exp` (or `expires_in`) corrected for clock skew, and retries of a failing
 * token endpoint. Options are checked here: a mistake throws `ConfigurationError` naming the option.
 *
 * @example
 * ```ts
 * const tokens = clientCredentials({
 *   tokenUrl: 'https://login.bol.com/token',
 *   clientId: process.env.BOL_CLIENT_ID,
 *   clientSecret: process.env.BOL_CLIENT_SECRET,
 *   authMethod: 'basic',
 * })
 * const http = createClient({ baseUrl: 'https://api.bol.com', plugins: [bearerAuth(tokens)] })
 * ```
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenSource {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'clientCredentials() needs an options object')
  }
  const clientId = requireText('clientId', options.clientId)
  const clientSecret = requireText('clientSecret', options.clientSecret)
  const authMethod = requireOneOf('authMethod', options.authMethod, authMethods)
  const scope = scopeText(options.scope)
  const audience = optionalText('audience', options.audience)
  const endpoint = resolveTokenEndpoint(options, { clientId, clientSecret, authMethod })
  const parameters: Record<string, string> = { grant_type: 'client_credentials' }
  if (scope !== undefined) parameters.scope = scope
  if (audience !== undefined) parameters.audience = audience
  const tokenUrl = displayUrl(endpoint.tokenUrl)

  return createTokenCache({
    key:
      optionalText('storeKey', options.storeKey) ??
      ['b2bkit:token', tokenUrl, clientId, scope ?? '', audience ?? ''].join('|'),
    store: optionalStore('store', options.store) ?? memoryTokenStore(),
    clock: endpoint.clock,
    timing: {
      refreshBeforeExpiryMs: optionalMilliseconds('refreshBeforeExpiryMs', options.refreshBeforeExpiryMs),
      expiryMarginMs: optionalMilliseconds('expiryMarginMs', options.expiryMarginMs),
    },
    lockLeaseMs: optionalPositiveMilliseconds('lockLeaseMs', options.lockLeaseMs) ?? 30_000,
    tokenUrl,
    request: (counter) => requestToken(endpoint, parameters, { counter }),
    onTokenRequest: optionalFunction('onTokenRequest', options.onTokenRequest),
  })
}
