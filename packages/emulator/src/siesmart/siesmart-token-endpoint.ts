import { clientCredentialsRefusal, readClientCredentials } from '../core/client-credentials.js'
import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'
import type { Runtime } from '../core/runtime.js'

/** SieSmart's Auth0 client credentials and API audience. */
export interface SiesmartCredentials {
  /** The client id. */
  clientId: string
  /** The client secret. */
  clientSecret: string
  /** The API audience the token request must name. */
  audience: string
}

/**
 * `POST /oauth/token`, Auth0 style: a JSON body with `grant_type`, `client_id`, `client_secret` and `audience`;
 * answers `{access_token, token_type, expires_in}` (86,400 s by default) or Auth0's `{error, error_description}`.
 */
export async function siesmartTokenEndpoint(
  exchange: Exchange,
  runtime: Runtime,
  credentials: SiesmartCredentials,
): Promise<ResponseDraft> {
  const presented = readClientCredentials(exchange)
  const refusal = clientCredentialsRefusal(presented, credentials)
  if (refusal === 'unsupported-grant') {
    return jsonResponse(403, {
      error: 'unauthorized_client',
      error_description: 'Grant type not allowed for the client.',
    })
  }
  if (refusal === 'invalid-client')
    return jsonResponse(401, { error: 'access_denied', error_description: 'Unauthorized' })
  if (presented.audience !== credentials.audience) {
    return jsonResponse(403, {
      error: 'access_denied',
      error_description: `Service not enabled within domain: ${presented.audience ?? ''}`,
    })
  }
  const accessToken = await runtime.tokens.issue(credentials.clientId, {
    aud: credentials.audience,
    gty: 'client-credentials',
  })
  return jsonResponse(200, { access_token: accessToken, token_type: 'Bearer', expires_in: runtime.tokens.ttlSeconds })
}
