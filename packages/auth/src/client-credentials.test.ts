import { ConfigurationError } from '@b2bkit/http'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientCredentialsOptions } from './client-credentials.js'
import { clientCredentials } from './client-credentials.js'
import { fakeJwt, type RunningServer, sendJson, startServer, tokenNumber } from './internal/test-servers.js'
import { clientId, clientSecret, type SetupOptions, setupSource, start } from './internal/test-token-source.js'
import type { TokenRequestEvent } from './token-source.js'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function setup(behaviour: SetupOptions['behaviour'] = {}, options: Partial<ClientCredentialsOptions> = {}) {
  const source = await setupSource({ behaviour, options })
  server = source.server
  return source
}

describe('clientCredentials', () => {
  it('sends exactly one token request when 1000 getToken() calls start on a cold source', async () => {
    const { tokens, server } = await setup({ delayMs: 20 })
    const results = await Promise.all(Array.from({ length: 1000 }, () => tokens.getToken()))
    expect(server.seen).toHaveLength(1)
    expect(new Set(results).size).toBe(1)
    expect(tokenNumber(results[0] ?? '')).toBe(1)
  })

  it('serves the cached token without a request while it has time left', async () => {
    const { tokens, server, advance } = await setup()
    const first = await tokens.getToken()
    advance(250_000)
    expect(await tokens.getToken()).toBe(first)
    expect(server.seen).toHaveLength(1)
  })

  it('sends the client credentials in a Basic header, form-urlencoded first as RFC 6749 asks', async () => {
    const { tokens, server } = await setup({}, { scope: ['orders', 'offers'] })
    await tokens.getToken()
    const [request] = server.seen
    const encoded = `${clientId}:${encodeURIComponent(clientSecret).replaceAll('%20', '+')}`
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(encoded).toString('base64')}`)
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'orders offers',
    })
  })

  it('sends the client credentials in the form body with authMethod form', async () => {
    const { tokens, server } = await setup({}, { authMethod: 'form' })
    await tokens.getToken()
    const [request] = server.seen
    expect(request?.headers.authorization).toBeUndefined()
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    })
  })

  it('sends a JSON body with the audience, as Auth0 wants, with authMethod json', async () => {
    const { tokens, server } = await setup({}, { authMethod: 'json', audience: 'https://api.siesmart.test' })
    expect(tokenNumber(await tokens.getToken())).toBe(1)
    const [request] = server.seen
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      grant_type: 'client_credentials',
      audience: 'https://api.siesmart.test',
      client_id: clientId,
      client_secret: clientSecret,
    })
  })

  it('reads the expiry from the JWT exp claim rather than expires_in', async () => {
    // exp says 300 s, expires_in says an hour: the token must be replaced before 300 s.
    const { tokens, server, events, advance } = await setup({ expiresIn: 3600 })
    await tokens.getToken()
    expect(events[0]?.expiresAt).toBeGreaterThan(start + 295_000)
    expect(events[0]?.expiresAt).toBeLessThanOrEqual(start + 300_000)
    advance(295_000)
    expect(tokenNumber(await tokens.getToken())).toBe(2)
    expect(server.seen).toHaveLength(2)
  })

  it('falls back to expires_in for an opaque token', async () => {
    const { tokens, events, advance } = await setup({ opaque: true, expiresIn: 60 })
    expect(await tokens.getToken()).toBe('opaque-token-1')
    expect(events[0]?.lifetimeMs).toBeGreaterThan(58_000)
    expect(events[0]?.lifetimeMs).toBeLessThanOrEqual(60_000)
    advance(59_000)
    expect(await tokens.getToken()).toBe('opaque-token-2')
  })

  it('assumes defaultLifetimeMs when the response says nothing about expiry', async () => {
    const { tokens, advance } = await setup({ opaque: true, expiresIn: null }, { defaultLifetimeMs: 120_000 })
    expect(await tokens.getToken()).toBe('opaque-token-1')
    advance(100_000)
    expect(await tokens.getToken()).toBe('opaque-token-1')
    advance(20_000)
    expect(await tokens.getToken()).toBe('opaque-token-2')
  })

  it('reports each token request to onTokenRequest with no secret in it', async () => {
    const { tokens, events, server } = await setup()
    const token = await tokens.getToken()
    expect(events).toEqual([
      expect.objectContaining({ reason: 'initial', ok: true, attempts: 1, tokenUrl: `${server.url}/token` }),
    ])
    const printed = JSON.stringify(events)
    expect(printed).not.toContain(clientSecret)
    expect(printed).not.toContain(token)
  })

  it('uses an injected fetch for the token request', async () => {
    const { server } = await setup()
    const urls: string[] = []
    const tokens = clientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId,
      clientSecret,
      authMethod: 'basic',
      clock: () => start,
      fetch: (input, init) => {
        urls.push(input instanceof Request ? input.url : String(input))
        return fetch(input, init)
      },
    })
    await tokens.getToken()
    expect(urls).toEqual([`${server.url}/token`])
    expect(server.seen).toHaveLength(1)
  })

  it('accepts a token response whose exp is missing and whose expires_in is a string', async () => {
    const running = await startServer((_request, response) =>
      sendJson(response, 200, { access_token: fakeJwt({ sub: 'x' }), token_type: 'bearer', expires_in: '90' }),
    )
    server = running
    const events: TokenRequestEvent[] = []
    const tokens = clientCredentials({
      tokenUrl: `${running.url}/token`,
      clientId,
      clientSecret,
      authMethod: 'basic',
      onTokenRequest: (event) => events.push(event),
    })
    await tokens.getToken()
    expect(events[0]?.lifetimeMs).toBeGreaterThan(85_000)
    expect(events[0]?.lifetimeMs).toBeLessThanOrEqual(90_000)
  })
})

describe('clientCredentials configuration', () => {
  const valid: ClientCredentialsOptions = {
    tokenUrl: 'https://login.example.test/token',
    clientId,
    clientSecret,
    authMethod: 'basic',
  }

  it('refuses a plain http token endpoint on a remote host at construction, naming tokenUrl', () => {
    expect(() => clientCredentials({ ...valid, tokenUrl: 'http://login.example.test/token' })).toThrow(
      /option "tokenUrl": is plain http/,
    )
    expect(() =>
      clientCredentials({ ...valid, tokenUrl: 'http://login.example.test/token', allowInsecureHttp: true }),
    ).not.toThrow()
    expect(() => clientCredentials({ ...valid, tokenUrl: 'http://localhost:8080/token' })).not.toThrow()
  })

  it('names the option of every mistake and never echoes the secret', () => {
    const mistakes: [Partial<Record<keyof ClientCredentialsOptions, unknown>>, string][] = [
      [{ tokenUrl: 'not a url' }, 'tokenUrl'],
      [{ tokenUrl: 'ftp://login.example.test/token' }, 'tokenUrl'],
      [{ clientId: '' }, 'clientId'],
      [{ clientSecret: undefined }, 'clientSecret'],
      [{ clientSecret: 'two\nlines' }, 'clientSecret'],
      [{ authMethod: 'digest' }, 'authMethod'],
      [{ refreshBeforeExpiryMs: -1 }, 'refreshBeforeExpiryMs'],
      [{ expiryMarginMs: Number.NaN }, 'expiryMarginMs'],
      [{ retry: 1.5 }, 'retry'],
      [{ timeoutMs: -5 }, 'timeoutMs'],
      [{ timeoutMs: 0 }, 'timeoutMs'],
      [{ lockLeaseMs: 3_000_000_000 }, 'lockLeaseMs'],
      [{ defaultLifetimeMs: 0 }, 'defaultLifetimeMs'],
      [{ clock: 42 }, 'clock'],
      [{ store: {} }, 'store'],
      [{ scope: [] }, 'scope'],
    ]
    for (const [mistake, option] of mistakes) {
      let thrown: unknown
      try {
        clientCredentials({ ...valid, ...mistake } as ClientCredentialsOptions)
      } catch (error) {
        thrown = error
      }
      expect(thrown, option).toBeInstanceOf(ConfigurationError)
      expect((thrown as ConfigurationError).option).toBe(option)
      expect((thrown as Error).message).not.toContain('two\nlines')
    }
  })
})
