import { clientCredentialsRefusal, readClientCredentials } from '../core/client-credentials.js'
import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'
import type { Runtime } from '../core/runtime.js'
import { bolProblem } from './bol-problem.js'

/** bol's OAuth2 client: an id and a secret. */
export interface BolCredentials {
  /** The client id. */
  clientId: string
  /** The client secret. */
  clientSecret: string
}

/**
 * `POST /token`: bol's login service. Client credentials in a Basic header (or the form body), `grant_type`
 * in the query or form; answers a JWT with `expires_in` (299 by default).
 */
export async function bolTokenEndpoint(
  exchange: Exchange,
  runtime: Runtime,
  credentials: BolCredentials,
): Promise<ResponseDraft> {
  const refusal = clientCredentialsRefusal(readClientCredentials(exchange), credentials)
  if (refusal === 'unsupported-grant') {
    return jsonResponse(400, {
      error: 'unsupported_grant_type',
      error_description: 'grant_type must be client_credentials',
    })
  }
  if (refusal === 'invalid-client') {
    return jsonResponse(
      401,
      { error: 'invalid_client', error_description: 'Bad client credentials' },
      'application/json',
      {
        'www-authenticate': 'Basic realm="bol"',
      },
    )
  }
  const accessToken = await runtime.tokens.issue(credentials.clientId, {
    scope: 'retailer',
    client_id: credentials.clientId,
  })
  return jsonResponse(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: runtime.tokens.ttlSeconds,
    scope: 'retailer',
  })
}

const reasons = {
  missing: 'Unauthorized request. A bearer token is required.',
  invalid: 'Invalid JWT',
  expired: 'JWT expired',
}

/** Checks the bearer token of an API request; a 401 problem when it is missing, invalid or expired. */
export async function bolAuthenticate(exchange: Exchange, runtime: Runtime): Promise<ResponseDraft | undefined> {
  const check = await runtime.tokens.verify(exchange.headers.authorization)
  if (check.ok) {
    exchange.principal = { clientId: String(check.claims.sub ?? '') }
    return undefined
  }
  const detail = reasons[check.reason]
  return bolProblem(exchange, 401, detail, [], {
    'www-authenticate': `Bearer error="invalid_token", error_description="${detail}"`,
  })
}
