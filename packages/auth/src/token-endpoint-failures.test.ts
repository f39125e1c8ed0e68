import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { AuthError } from './errors.js'
import { failureOf, fakeJwt, sendJson, tokenNumber } from './internal/test-servers.js'
import { clientSecret, type SetupOptions, setupSource } from './internal/test-token-source.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

const fastRetry = { retry: { limit: 3, delay: () => 5 } }

async function setup(options: SetupOptions = {}) {
  const source = await setupSource({ ...options, options: { ...fastRetry, ...options.options } })
  closers.push(source.server.close)
  return source
}

/** Everything a log could show of an error. */
function everythingPrinted(error: Error): string {
  return [
    String(error),
    error.message,
    error.stack,
    JSON.stringify(error),
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join('\n')
}

describe('token endpoint failures', () => {
  it('retries 5xx answers with backoff and then succeeds', async () => {
    const { tokens, server, events } = await setup({
      before: (index, _request, response) => {
        if (index === 1) sendJson(response, 503, { error: 'temporarily_unavailable' })
        if (index === 2) sendJson(response, 500, {})
      },
    })
    expect(tokenNumber(await tokens.getToken())).toBe(1)
    expect(server.seen).toHaveLength(3)
    expect(events).toEqual([expect.objectContaining({ ok: true, attempts: 3 })])
  })

  it('retries a connection that breaks before an answer', async () => {
    const { tokens, server } = await setup({
      before: (index, _request, response) => {
        if (index === 1) response.socket?.destroy()
      },
    })
    expect(tokenNumber(await tokens.getToken())).toBe(1)
    expect(server.seen).toHaveLength(2)
  })

  it('gives up after the retry limit with AUTH_UNAVAILABLE and the status', async () => {
    const { tokens, server, events } = await setup({
      options: { retry: { limit: 2, delay: () => 5 } },
      before: (_index, _request, response) => sendJson(response, 502, { error: 'bad_gateway' }),
    })
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_UNAVAILABLE', status: 502, oauthError: 'bad_gateway' })
    expect(error.message).toContain('after 3 attempts')
    expect(server.seen).toHaveLength(3)
    expect(events).toEqual([expect.objectContaining({ ok: false, attempts: 3, error })])
  })

  it('does not retry a 400 or 401: a bad secret is one request and an AuthError without the secret anywhere', async () => {
    const wrongSecret = 'wrong-secret-value-1234'
    const { tokens, server, events } = await setup({
      options: { clientSecret: wrongSecret },
      // A careless server that echoes what it got: the secret must still not come out.
      before: (_index, request, response) =>
        sendJson(response, 401, {
          error: 'invalid_client',
          error_description: `client authentication failed for ${request.headers.authorization} with secret ${wrongSecret}`,
        }),
    })
    const error = await failureOf(tokens.getToken())
    expect(server.seen).toHaveLength(1)
    expect(error).toBeInstanceOf(AuthError)
    expect(error).toMatchObject({ code: 'AUTH_REJECTED', status: 401, oauthError: 'invalid_client' })
    expect(error.message).toContain('401 (invalid_client: client authentication failed for Basic [REDACTED]')
    const basicCredentials = server.seen[0]?.headers.authorization?.split(' ')[1] ?? ''
    const printed = `${everythingPrinted(error)}\n${JSON.stringify(events)}\n${inspect(events, { depth: 9 })}`
    expect(printed).not.toContain(wrongSecret)
    expect(printed).not.toContain(basicCredentials)
    expect(printed).not.toContain(clientSecret)
  })

  it('treats a 400 invalid_request as final too', async () => {
    const { tokens, server } = await setup({
      before: (_index, _request, response) => sendJson(response, 400, { error: 'invalid_scope' }),
    })
    expect(await failureOf(tokens.getToken())).toMatchObject({ code: 'AUTH_REJECTED', oauthError: 'invalid_scope' })
    expect(server.seen).toHaveLength(1)
  })

  it('does not follow a redirect of the token endpoint', async () => {
    const { tokens, server } = await setup({
      before: (_index, _request, response) => {
        response.writeHead(307, { location: 'http://127.0.0.1:9/steal' })
        response.end()
      },
    })
    expect(await failureOf(tokens.getToken())).toMatchObject({ code: 'AUTH_INVALID_RESPONSE', status: 307 })
    expect(server.seen).toHaveLength(1)
  })

  it('gives up on a token endpoint that does not answer in time', async () => {
    const { tokens, server } = await setup({
      options: { timeoutMs: 50, retry: { limit: 1, delay: () => 5 } },
      before: () => new Promise((resolve) => setTimeout(resolve, 1_000)),
    })
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_UNAVAILABLE' })
    expect(error.message).toContain('did not answer in 50 ms (2 attempts)')
    expect(server.seen).toHaveLength(2)
  })
})

describe('malformed token responses', () => {
  const cases: [string, (response: import('node:http').ServerResponse) => void, RegExp][] = [
    [
      'a body that is not JSON',
      (response) => {
        response.writeHead(200, { 'content-type': 'text/html' })
        response.end('<html>login</html>')
      },
      /the body is not JSON/,
    ],
    ['a JSON body that is not an object', (response) => sendJson(response, 200, ['token']), /not a JSON object/],
    ['no access_token', (response) => sendJson(response, 200, { token_type: 'Bearer' }), /no access_token/],
    [
      'a malformed JWT',
      (response) => sendJson(response, 200, { access_token: 'eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln', expires_in: 300 }),
      /malformed JWT/,
    ],
    [
      'a JWT whose exp is not a number',
      (response) => sendJson(response, 200, { access_token: fakeJwt({ exp: 'tomorrow' }) }),
      /exp claim that is not a number/,
    ],
    [
      'a token that has already expired',
      (response) => sendJson(response, 200, { access_token: fakeJwt({ exp: 1 }) }),
      /already expired/,
    ],
    [
      'a negative expires_in',
      (response) => sendJson(response, 200, { access_token: 'opaque', expires_in: -5 }),
      /expires_in is not a positive number/,
    ],
    [
      'a token type other than Bearer',
      (response) => sendJson(response, 200, { access_token: 'opaque', token_type: 'DPoP', expires_in: 60 }),
      /token_type is not Bearer/,
    ],
    [
      'an access token with a line break',
      (response) => sendJson(response, 200, { access_token: 'abc\r\nX-Injected: 1', expires_in: 60 }),
      /characters a header cannot carry/,
    ],
  ]

  for (const [what, answer, message] of cases) {
    it(`refuses ${what} with a clear AUTH_INVALID_RESPONSE`, async () => {
      const { tokens, server } = await setup({ before: (_index, _request, response) => answer(response) })
      const error = await failureOf(tokens.getToken())
      expect(error.code).toBe('AUTH_INVALID_RESPONSE')
      expect(error.message).toMatch(message)
      expect(server.seen).toHaveLength(1)
    })
  }

  it('fails a token answer that stalls after its headers with AUTH_UNAVAILABLE within the timeout', async () => {
    const { tokens } = await setup({
      options: { timeoutMs: 300, retry: 0 },
      before: (_index, _request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
        response.write('{"access_token": "')
      },
    })
    const started = performance.now()
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_UNAVAILABLE' })
    expect(error.message).toContain('did not answer in 300 ms')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(everythingPrinted(error)).not.toContain(clientSecret)
  })

  it('fails a token answer longer than 1 MiB with AUTH_INVALID_RESPONSE, reading no more of it', async () => {
    const { tokens } = await setup({
      options: { retry: 0 },
      before: (_index, _request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' })
        response.end(`{"access_token": "${'a'.repeat(2 * 1024 ** 2)}"}`)
      },
    })
    const error = await failureOf(tokens.getToken())
    expect(error).toMatchObject({ code: 'AUTH_INVALID_RESPONSE' })
    expect(error.message).toContain('longer than 1 MiB')
  })
})
