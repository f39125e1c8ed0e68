import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readOAuthError } from './oauth-error.js'

describe('readOAuthError', () => {
  it('reads error and error_description from JSON, JSON sent as text, and form bodies', () => {
    const expected = { oauthError: 'invalid_client', errorDescription: 'client authentication failed' }
    const fields = { error: 'invalid_client', error_description: 'client authentication failed' }
    expect(readOAuthError(fields, [])).toEqual(expected)
    expect(readOAuthError(JSON.stringify(fields), [])).toEqual(expected)
    expect(readOAuthError(new URLSearchParams(fields).toString(), [])).toEqual(expected)
    expect(readOAuthError('<html>Bad Gateway</html>', [])).toEqual({
      oauthError: undefined,
      errorDescription: undefined,
    })
  })

  it('never throws and never returns a known secret, whatever the body', () => {
    const secret = 'the-client-secret-42'
    const withSecret = fc.oneof(
      fc.string(),
      fc.string().map((text) => `${text}${secret}${text}`),
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.string(),
          fc.record({ error: withSecret, error_description: withSecret }, { requiredKeys: [] }),
          withSecret.map((text) => `error=${encodeURIComponent(text)}&error_description=${encodeURIComponent(text)}`),
        ),
        (data) => {
          const { oauthError, errorDescription } = readOAuthError(data, [secret])
          expect(`${oauthError}${errorDescription}`).not.toContain(secret)
          if (errorDescription !== undefined) expect(errorDescription.length).toBeLessThanOrEqual(300)
        },
      ),
      { numRuns: 500 },
    )
  })
})
