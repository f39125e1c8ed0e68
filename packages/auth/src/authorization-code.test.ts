import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { ConfigurationError } from '@b2bkit/http'
import { afterEach, describe, expect, it } from 'vitest'
import { type AuthorizationCodeOptions, authorizationCode } from './authorization-code.js'
import { failureOf, type RunningServer, sendJson, startServer } from './internal/test-servers.js'

const clientId = 'partner-app'
const clientSecret = 'partner-secret-value-987'
const redirectUri = 'https://partner.example.test/callback'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/**
 * An authorization server's token endpoint that knows one issued code and the PKCE challenge it was issued for,
 * and rotates refresh tokens when `rotate` is set.
 */
async function startAuthorizationServer(options: { codeChallenge?: string; rotate?: boolean } = {}) {
  let refreshes = 0
  server = await startServer((request, response) => {
    const form = Object.fromEntries(new URLSearchParams(request.body))
    if (form.grant_type === 'authorization_code') {
      const challenge = createHash('sha256')
        .update(form.code_verifier ?? '')
        .digest('base64url')
      if (form.code !== 'code-123' || challenge !== options.codeChallenge) {
        return sendJson(response, 400, { error: 'invalid_grant', error_description: `bad code ${form.code}` })
      }
      return sendJson(response, 200, {
        access_token: 'access-1',
        token_type: 'Bearer',
        expires_in: 300,
        refresh_token: 'refresh-1',
        scope: 'orders',
      })
    }
    if (form.grant_type === 'refresh_token' && form.refresh_token?.startsWith('refresh-')) {
      refreshes++
      return sendJson(response, 200, {
        access_token: `access-${refreshes + 1}`,
        token_type: 'bearer',
        expires_in: 300,
        ...(options.rotate ? { refresh_token: `refresh-${refreshes + 1}` } : {}),
      })
    }
    sendJson(response, 400, { error: 'invalid_grant', error_description: `unknown ${form.refresh_token}` })
  })
  return server
}

function flowFor(running: RunningServer, overrides: Partial<AuthorizationCodeOptions> = {}) {
  return authorizationCode({
    authorizeUrl: 'https://login.example.test/authorize',
    tokenUrl: `${running.url}/token`,
    clientId,
    clientSecret,
    redirectUri,
    ...overrides,
  })
}

describe('authorizationCode', () => {
  it('builds the authorize URL with state and an S256 PKCE challenge of a fresh verifier', async () => {
    const flow = flowFor(await startAuthorizationServer())
    const request = await flow.createAuthorizationRequest({
      scope: ['orders', 'offers'],
      parameters: { prompt: 'login' },
    })
    const url = new URL(request.url)
    expect(url.origin + url.pathname).toBe('https://login.example.test/authorize')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prompt: 'login',
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'orders offers',
      state: request.state,
      code_challenge: createHash('sha256').update(request.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    })
    expect(request.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(request.state.length).toBeGreaterThanOrEqual(16)
    const another = await flow.createAuthorizationRequest()
    expect(another.state).not.toBe(request.state)
    expect(another.codeVerifier).not.toBe(request.codeVerifier)
  })

  it('reads the code from a callback with the expected state', async () => {
    const flow = flowFor(await startAuthorizationServer())
    expect(flow.readCallback(`${redirectUri}?code=code-123&state=s-1`, 's-1')).toBe('code-123')
  })

  it('refuses a callback whose state is not the one sent', async () => {
    const flow = flowFor(await startAuthorizationServer())
    for (const url of [`${redirectUri}?code=code-123&state=forged`, `${redirectUri}?code=code-123`]) {
      expect(() => flow.readCallback(url, 's-1')).toThrow(expect.objectContaining({ code: 'AUTH_STATE_MISMATCH' }))
    }
  })

  it('turns an error on the callback into AUTH_REJECTED with the OAuth error', async () => {
    const flow = flowFor(await startAuthorizationServer())
    expect(() =>
      flow.readCallback(`${redirectUri}?error=access_denied&error_description=User+said+no&state=s-1`, 's-1'),
    ).toThrow(expect.objectContaining({ code: 'AUTH_REJECTED', oauthError: 'access_denied' }))
    expect(() => flow.readCallback(`${redirectUri}?state=s-1`, 's-1')).toThrow(/neither a code nor an error/)
  })

  it('exchanges the code with its verifier, authenticating with Basic', async () => {
    const running = await startAuthorizationServer()
    const flow = flowFor(running)
    const request = await flow.createAuthorizationRequest()
    const challenge = new URL(request.url).searchParams.get('code_challenge') ?? ''
    await running.close()
    const serverWithChallenge = await startAuthorizationServer({ codeChallenge: challenge })
    const tokens = await flowFor(serverWithChallenge).exchangeCode({
      code: 'code-123',
      codeVerifier: request.codeVerifier,
    })
    expect(tokens).toMatchObject({ accessToken: 'access-1', tokenType: 'Bearer', refreshToken: 'refresh-1' })
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 290_000)
    const [seen] = serverWithChallenge.seen
    expect(seen?.headers.authorization).toMatch(/^Basic /)
    expect(Object.fromEntries(new URLSearchParams(seen?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'code-123',
      redirect_uri: redirectUri,
      code_verifier: request.codeVerifier,
    })
  })

  it('keeps the code and the verifier out of the error of a failed exchange', async () => {
    const flow = flowFor(await startAuthorizationServer({ codeChallenge: 'other' }))
    const codeVerifier = 'verifier-that-is-long-enough-to-be-real-123'
    const error = await failureOf(flow.exchangeCode({ code: 'code-echoed-back', codeVerifier }))
    expect(error.oauthError).toBe('invalid_grant')
    const printed = `${inspect(error, { showHidden: true, depth: 5 })}${JSON.stringify(error)}`
    expect(printed).not.toContain('code-echoed-back')
    expect(printed).not.toContain(codeVerifier)
    expect(printed).not.toContain(clientSecret)
  })

  it('refreshes with the refresh token and keeps it when the server does not rotate it', async () => {
    const running = await startAuthorizationServer()
    const tokens = await flowFor(running).refresh('refresh-1', { scope: 'orders' })
    expect(tokens).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-1' })
    expect(Object.fromEntries(new URLSearchParams(running.seen[0]?.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      scope: 'orders',
    })
  })

  it('returns the new refresh token when the server rotates it', async () => {
    const tokens = await flowFor(await startAuthorizationServer({ rotate: true })).refresh('refresh-1')
    expect(tokens).toMatchObject({ accessToken: 'access-2', refreshToken: 'refresh-2' })
  })

  it('sends only the client id as a public client', async () => {
    const running = await startAuthorizationServer()
    await flowFor(running, { clientSecret: undefined }).refresh('refresh-1')
    expect(running.seen[0]?.headers.authorization).toBeUndefined()
    expect(new URLSearchParams(running.seen[0]?.body).get('client_id')).toBe(clientId)
    expect(new URLSearchParams(running.seen[0]?.body).has('client_secret')).toBe(false)
  })

  it('names the option of construction mistakes', async () => {
    const running = await startAuthorizationServer()
    const mistakes: [Partial<AuthorizationCodeOptions>, string][] = [
      [{ authorizeUrl: 'http://login.example.test/authorize' }, 'authorizeUrl'],
      [{ redirectUri: 'callback' }, 'redirectUri'],
      [{ clientSecret: undefined, authMethod: 'basic' }, 'clientSecret'],
      [{ authMethod: 'digest' as never }, 'authMethod'],
    ]
    for (const [mistake, option] of mistakes) {
      expect(() => flowFor(running, mistake), option).toThrow(ConfigurationError)
      expect(() => flowFor(running, mistake), option).toThrow(`option "${option}"`)
    }
  })
})
