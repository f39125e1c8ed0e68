import { clientCredentials, isAuthError } from '@b2bkit/auth'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyHeaderText, numberText } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'
import { type ScriptedServer, startScriptedServer } from '../support/scripted-server.js'
import { leakedSecrets, plantedToken, plantSecret } from '../support/secrets.js'

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')
const expOf = (jwt: string): unknown => {
  try {
    return (JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }).exp
  } catch {
    return undefined
  }
}
const nowSeconds = () => Math.floor(Date.now() / 1000)

// Claims as token endpoints write them, and as they should not: exp as a number, a string, a float, in the past,
// absurdly far ahead, missing; other claims of any JSON type.
const expClaim = fc.oneof(
  fc.integer({ min: 60, max: 86_400 }).map((ahead) => nowSeconds() + ahead),
  fc.integer({ min: 1, max: 10 ** 9 }).map((ago) => nowSeconds() - ago),
  fc.double(),
  fc.constantFrom(1e20, -1, 0, 2 ** 53, Number.MAX_VALUE),
  fc.jsonValue({ maxDepth: 1 }),
  numberText,
)
const claims = fc.record(
  { exp: expClaim, iat: fc.jsonValue({ maxDepth: 1 }), nbf: expClaim, sub: fc.string(), scope: fc.jsonValue() },
  { requiredKeys: [] },
)
const jwtHeader = fc.constantFrom(
  '{"alg":"HS256","typ":"JWT"}',
  '{"alg":"none"}',
  '{"alg":"RS256","kid":7}',
  '{}',
  '[]',
)

/** An access token ending in a planted signature: a JWT with fuzzed claims, a malformed JWT, or an opaque token. */
const accessToken = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(jwtHeader, claims, plantedToken)
      .map(([header, body, signature]) => `${base64url(header)}.${base64url(JSON.stringify(body))}.${signature}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(anyHeaderText, plantedToken)
      .map(([payload, signature]) => `eyJhbGciOiJIUzI1NiJ9.${payload}.${signature}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 12 }), plantedToken)
      .map(([junk, signature]) => `eyJ${junk}.${signature}`),
  },
  { weight: 1, arbitrary: plantedToken },
)

const tokenResponse = (token: string, clientSecret: string) =>
  fc.record(
    {
      access_token: fc.oneof({ weight: 5, arbitrary: fc.constant<unknown>(token) }, fc.jsonValue({ maxDepth: 1 })),
      token_type: fc.oneof(fc.constantFrom('Bearer', 'bearer', 'mac', 'DPoP', token), fc.jsonValue({ maxDepth: 1 })),
      expires_in: fc.oneof(fc.integer({ min: -10, max: 100_000 }), numberText, fc.jsonValue({ maxDepth: 1 })),
      scope: fc.oneof(fc.string(), fc.constant(token)),
      error_description: fc.constantFrom(`bad secret ${clientSecret}`, `token ${token}`),
    },
    { requiredKeys: ['access_token'] },
  )

/** One scripted token-endpoint answer: mostly a 200 with a fuzzed token, sometimes an error that echoes secrets. */
const answer = fc
  .tuple(accessToken, fc.constantFrom(200, 200, 200, 200, 400, 401, 500, 503), fc.boolean())
  .chain(([token, status, asText]) => tokenResponse(token, 'SECRET').map((body) => ({ token, status, asText, body })))

describe('JWT claims and token responses (fuzzed, over HTTP)', () => {
  let server: ScriptedServer
  beforeAll(async () => {
    server = await startScriptedServer()
  })
  afterAll(() => server.close())

  it(
    'gives the token it was sent or a typed AuthError, and never shows the token or the client secret',
    async () => {
      const clientSecret = plantSecret('secret-')
      await fc.assert(
        fc.asyncProperty(answer, async ({ token, status, asText, body }) => {
          const json = JSON.stringify(body).replaceAll('SECRET', clientSecret)
          server.answer({
            status,
            headers: { 'content-type': asText ? 'text/plain' : 'application/json', date: new Date().toUTCString() },
            body: json,
          })
          const tokens = clientCredentials({
            tokenUrl: `${server.url}/token`,
            clientId: 'fuzz-client',
            clientSecret,
            authMethod: 'basic',
            retry: 0,
          })
          try {
            const issued = await tokens.getToken()
            expect(status).toBe(200)
            expect(issued).toBe(body.access_token)
            // A JWS (three parts; five would be an encrypted JWE) whose exp has passed must never be handed out.
            const exp = issued.startsWith('eyJ') && issued.split('.').length === 3 ? expOf(issued) : undefined
            if (typeof exp === 'number') expect(exp * 1000).toBeGreaterThan(Date.now() - 5_000)
          } catch (error) {
            expect(isAuthError(error), String(error)).toBe(true)
            const code = (error as { code: string }).code
            if (status === 200) expect(code).toBe('AUTH_INVALID_RESPONSE')
            else expect(code).toBe(status >= 500 ? 'AUTH_UNAVAILABLE' : 'AUTH_REJECTED')
            // The token is the client's only when the endpoint issued it (a 2xx); an error body's token is not.
            expect(leakedSecrets(error, status === 200 ? { token, clientSecret } : { clientSecret })).toEqual([])
          }
        }),
        fuzzParameters('http'),
      )
    },
    fuzzTimeoutMs('http'),
  )
})
