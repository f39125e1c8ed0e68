// clientCredentials() and authorizationCode() against oidc-provider: a real, independently written OAuth2 server.
import { inspect } from 'node:util'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorizationCode } from './authorization-code.js'
import { clientCredentials } from './client-credentials.js'
import {
  apiResource,
  basicClient,
  partnerClient,
  partnerRedirectUri,
  postClient,
  type RunningProvider,
  signInThroughBrowser,
  startOidcProvider,
} from './internal/test-oidc-provider.js'
import { failureOf } from './internal/test-servers.js'
import type { TokenRequestEvent } from './token-source.js'

let provider: RunningProvider
beforeAll(async () => {
  provider = await startOidcProvider()
})
afterAll(async () => {
  await provider.close()
})

const partnerFlow = () =>
  authorizationCode({
    authorizeUrl: provider.authorizeUrl,
    tokenUrl: provider.tokenUrl,
    clientId: partnerClient.client_id,
    clientSecret: partnerClient.client_secret,
    redirectUri: partnerRedirectUri,
  })

describe('clientCredentials against oidc-provider', () => {
  it('gets a JWT access token with client_secret_basic and reads its expiry from exp', async () => {
    const events: TokenRequestEvent[] = []
    const tokens = clientCredentials({
      tokenUrl: provider.tokenUrl,
      clientId: basicClient.client_id,
      clientSecret: basicClient.client_secret,
      authMethod: 'basic',
      onTokenRequest: (event) => events.push(event),
    })
    const claims = decodeJwt(await tokens.getToken())
    expect(claims).toMatchObject({ client_id: basicClient.client_id, aud: apiResource })
    expect(events[0]?.expiresAt).toBeLessThanOrEqual((claims.exp ?? 0) * 1000)
    expect(events[0]?.expiresAt).toBeGreaterThan((claims.exp ?? 0) * 1000 - 3_000)
  })

  it('gets a token with the credentials in the form body (client_secret_post)', async () => {
    const tokens = clientCredentials({
      tokenUrl: provider.tokenUrl,
      clientId: postClient.client_id,
      clientSecret: postClient.client_secret,
      authMethod: 'form',
      scope: 'orders',
    })
    expect(decodeJwt(await tokens.getToken())).toMatchObject({ client_id: postClient.client_id, scope: 'orders' })
  })

  it('reports clearly that this server takes no JSON body, which Auth0-style json needs', async () => {
    const tokens = clientCredentials({
      tokenUrl: provider.tokenUrl,
      clientId: postClient.client_id,
      clientSecret: postClient.client_secret,
      authMethod: 'json',
    })
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_REJECTED', status: 400, oauthError: 'invalid_request' })
    expect(error.message).toContain('only application/x-www-form-urlencoded')
  })

  it('turns a wrong secret into AUTH_REJECTED invalid_client without the secret', async () => {
    const wrong = 'wrong-secret-for-the-real-server'
    const tokens = clientCredentials({
      tokenUrl: provider.tokenUrl,
      clientId: basicClient.client_id,
      clientSecret: wrong,
      authMethod: 'basic',
    })
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_REJECTED', status: 401, oauthError: 'invalid_client' })
    expect(`${inspect(error, { showHidden: true, depth: 6 })}${JSON.stringify(error)}`).not.toContain(wrong)
  })

  it('sends one token request to the server for 1000 concurrent getToken() calls', async () => {
    const before = provider.tokenRequests()
    const tokens = clientCredentials({
      tokenUrl: provider.tokenUrl,
      clientId: basicClient.client_id,
      clientSecret: basicClient.client_secret,
      authMethod: 'basic',
    })
    const results = await Promise.all(Array.from({ length: 1000 }, () => tokens.getToken()))
    expect(new Set(results).size).toBe(1)
    expect(provider.tokenRequests() - before).toBe(1)
  })
})

describe('authorizationCode against oidc-provider', () => {
  it('signs in with PKCE, exchanges the code and refreshes the token', async () => {
    const flow = partnerFlow()
    const request = await flow.createAuthorizationRequest({ scope: 'openid' })
    const callback = await signInThroughBrowser(request.url)
    const code = flow.readCallback(callback, request.state)
    const tokens = await flow.exchangeCode({ code, codeVerifier: request.codeVerifier })
    expect(tokens.accessToken).toBeTruthy()
    expect(tokens.refreshToken).toBeTruthy()
    expect(tokens.expiresAt).toBeGreaterThan(Date.now())
    const refreshed = await flow.refresh(tokens.refreshToken ?? '')
    expect(refreshed.accessToken).not.toBe(tokens.accessToken)
    // The code is single-use: a replay is refused by the server.
    const replay = await failureOf(flow.exchangeCode({ code, codeVerifier: request.codeVerifier }))
    expect(replay).toMatchObject({ code: 'AUTH_REJECTED', oauthError: 'invalid_grant' })
  })

  it('is refused by the server when the verifier does not match the challenge', async () => {
    const flow = partnerFlow()
    const request = await flow.createAuthorizationRequest({ scope: 'openid' })
    const code = flow.readCallback(await signInThroughBrowser(request.url), request.state)
    const other = await flow.createAuthorizationRequest()
    const error = await failureOf(flow.exchangeCode({ code, codeVerifier: other.codeVerifier }))
    expect(error).toMatchObject({ code: 'AUTH_REJECTED', oauthError: 'invalid_grant' })
  })
})
