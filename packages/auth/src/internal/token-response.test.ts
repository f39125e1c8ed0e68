import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AuthError } from '../errors.js'
import { fakeJwt } from './test-servers.js'
import { parseTokenResponse } from './token-response.js'

const context = {
  issuedAt: 1_700_000_000_000,
  defaultLifetimeMs: 300_000,
  tokenUrl: 'https://login.example.test/token',
}
const visibleAscii = fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123456789-._~+/='.split('')), minLength: 8 })

/** Parses, and returns the AuthError when it throws one; any other error fails the property. */
function attempt(body: unknown) {
  try {
    return parseTokenResponse(body, context)
  } catch (error) {
    if (error instanceof AuthError && error.code === 'AUTH_INVALID_RESPONSE') return error
    throw error
  }
}

describe('parseTokenResponse', () => {
  it('answers any JSON value with a token or an AuthError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const result = attempt(body)
        if (!(result instanceof AuthError)) expect(result.expiresAt).toBeGreaterThan(context.issuedAt)
      }),
      { numRuns: 500 },
    )
  })

  it('answers any token-response-shaped object with a token or an AuthError', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean())
    fc.assert(
      fc.property(
        fc.record(
          { access_token: fc.oneof(visibleAscii, field), token_type: field, expires_in: field, refresh_token: field },
          { requiredKeys: [] },
        ),
        (body) => void attempt(body),
      ),
      { numRuns: 500 },
    )
  })

  it('reads expiry from expires_in for opaque tokens', () => {
    fc.assert(
      fc.property(visibleAscii, fc.integer({ min: 1, max: 10 ** 8 }), (accessToken, expiresIn) => {
        fc.pre(!accessToken.startsWith('eyJ'))
        const token = parseTokenResponse({ access_token: accessToken, expires_in: expiresIn }, context)
        expect(token.expiresAt).toBe(context.issuedAt + expiresIn * 1000)
        expect(token.accessToken).toBe(accessToken)
      }),
    )
  })

  it('reads expiry from the exp claim of a JWT, whatever expires_in says', () => {
    const issuedSeconds = context.issuedAt / 1000
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 1, max: 10 ** 6 }), (lifetime, expiresIn) => {
        const exp = issuedSeconds + lifetime
        const token = parseTokenResponse({ access_token: fakeJwt({ exp, sub: 'x' }), expires_in: expiresIn }, context)
        expect(token.expiresAt).toBe(exp * 1000)
      }),
    )
  })

  it('never puts the access token into an error message', () => {
    fc.assert(
      fc.property(visibleAscii, fc.jsonValue(), fc.jsonValue(), (accessToken, tokenType, expiresIn) => {
        const result = attempt({ access_token: `eyJ${accessToken}`, token_type: tokenType, expires_in: expiresIn })
        if (result instanceof AuthError) expect(result.message).not.toContain(accessToken)
      }),
    )
  })

  it('refuses a JWT-looking token whose claims are not JSON or that has two parts', () => {
    expect(() => parseTokenResponse({ access_token: 'eyJhbGciOiJub25lIn0.bm90LWpzb24.' }, context)).toThrow(
      /malformed JWT/,
    )
    expect(() => parseTokenResponse({ access_token: 'eyJhbGciOiJub25lIn0.eyJleHAiOjF9' }, context)).toThrow(
      /malformed JWT/,
    )
  })
})
