// Test helper: a real, independently written OAuth2 server (oidc-provider) on 127.0.0.1. Node-only; never exported.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import Provider from 'oidc-provider'

/** A running oidc-provider, and how many requests reached its token endpoint. */
export interface RunningProvider {
  issuer: string
  tokenUrl: string
  authorizeUrl: string
  tokenRequests: () => number
  close(): Promise<void>
}

export const basicClient = { client_id: 'shop-basic', client_secret: 'basic secret+with/odd=chars' }
export const postClient = { client_id: 'shop-post', client_secret: 'post-secret-value-0123' }
export const partnerClient = { client_id: 'partner-app', client_secret: 'partner-secret-value-4567' }
export const partnerRedirectUri = 'https://partner.example.test/callback'
export const apiResource = 'https://api.example.test'

/**
 * Starts oidc-provider with the client credentials grant issuing JWT access tokens (five minutes) for
 * `apiResource`, and an authorization code client with refresh tokens and its development login screens.
 */
export async function startOidcProvider(): Promise<RunningProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const serviceClient = { grant_types: ['client_credentials'], redirect_uris: [], response_types: [] }
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    clients: [
      { ...basicClient, ...serviceClient, token_endpoint_auth_method: 'client_secret_basic' },
      { ...postClient, ...serviceClient, token_endpoint_auth_method: 'client_secret_post' },
      {
        ...partnerClient,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [partnerRedirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    features: {
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_context: unknown, client: { clientId: string }) =>
          client.clientId === partnerClient.client_id ? undefined : apiResource,
        useGrantedResource: () => false,
        getResourceServerInfo: () => ({
          scope: 'orders',
          audience: apiResource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 300,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    issueRefreshToken: () => true,
    findAccount: (_context: unknown, accountId: string) => ({ accountId, claims: () => ({ sub: accountId }) }),
    ttl: {
      AccessToken: 300,
      ClientCredentials: 300,
      Grant: 3600,
      IdToken: 300,
      Interaction: 600,
      RefreshToken: 86_400,
      Session: 3600,
    },
  })
  const handle = provider.callback()
  let tokenRequests = 0
  server.on('request', (request, response) => {
    if (request.url?.startsWith('/token')) tokenRequests++
    handle(request, response)
  })
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    authorizeUrl: `${issuer}/auth`,
    tokenRequests: () => tokenRequests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * Walks oidc-provider's development login and consent screens for `authorizeUrl` as user `seller-1`, as a
 * browser would, and returns the URL the user is finally sent back to (the callback with the code).
 */
export async function signInThroughBrowser(authorizeUrl: string): Promise<string> {
  const cookies = new Map<string, string>()
  const send = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await fetch(url, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value === '') cookies.delete(name)
      else cookies.set(name, value)
    }
    await response.text()
    return new URL(response.headers.get('location') ?? '', url).toString()
  }
  let location = await send(authorizeUrl)
  for (let step = 0; step < 6 && !location.startsWith(partnerRedirectUri); step++) {
    if (/\/interaction\/[^/]+$/.test(new URL(location).pathname)) {
      const interactionUrl = location
      const page = await fetch(interactionUrl, {
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      }).then((response) => response.text())
      const prompt = page.includes('name="login"') ? 'login' : 'consent'
      location = await send(interactionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt, login: 'seller-1', password: 'any' }).toString(),
      })
    } else {
      location = await send(location)
    }
  }
  return location
}
