import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { B2bkitError, ConfigurationError, NetworkError } from './errors.js'
import { REDACTED, redactHeaders, redactHeaderValue, redactText, redactUrl } from './redact.js'

describe('redactHeaderValue', () => {
  it('keeps the auth scheme and hides the credential, as Octokit does', () => {
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOi.abc.def')).toBe('Bearer [REDACTED]')
    expect(redactHeaderValue('authorization', 'Basic dXNlcjpwYXNz')).toBe('Basic [REDACTED]')
    expect(redactHeaderValue('authorization', 'raw-convictional-key')).toBe(REDACTED)
    expect(redactHeaderValue('X-B2B-API-Key', 'b2b-key')).toBe(REDACTED)
    expect(redactHeaderValue('accept', 'application/json')).toBe('application/json')
  })

  it('redacts every credential header of a Headers object', () => {
    const headers = new Headers({ authorization: 'Bearer t0ken', cookie: 'sid=1', accept: 'text/plain' })
    expect(redactHeaders(headers)).toEqual({
      accept: 'text/plain',
      authorization: 'Bearer [REDACTED]',
      cookie: REDACTED,
    })
  })
})

describe('redactUrl', () => {
  it('drops user info and hides secret query values', () => {
    expect(redactUrl('https://user:pw@api.example.com/a?access_token=abc&page=2&client_secret=s')).toBe(
      'https://api.example.com/a?access_token=[REDACTED]&page=2&client_secret=[REDACTED]',
    )
  })

  it('returns redacted text for something that is not a URL', () => {
    expect(redactUrl('not a url Bearer abcdef')).toBe('not a url Bearer [REDACTED]')
  })
})

describe('redactText', () => {
  it('hides bearer credentials, JWTs and the given secrets', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl'
    const text = `sent Bearer abc.def with ${jwt} and client secret s3cr3t-value`
    const redacted = redactText(text, ['s3cr3t-value'])
    expect(redacted).toBe('sent Bearer [REDACTED] with [REDACTED] and client secret [REDACTED]')
  })

  it('never lets a planted secret through, wherever it sits in the text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40 }).filter((secret) => !secret.includes(REDACTED)),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          expect(redactText(`${before}${secret}${after}`, [secret])).not.toContain(secret)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('errors', () => {
  it('never show a credential in message, toJSON or inspect', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.planted-signature'
    const errors = [
      new B2bkitError('X', `failed with Authorization: Bearer ${token}`),
      new ConfigurationError('clientSecret', `Basic cGxhbnRlZDpzZWNyZXQ= was refused`),
      new NetworkError('GET', redactUrl(`https://h.example/a?token=${token}`)),
    ]
    for (const error of errors) {
      const shown = `${error.message} ${JSON.stringify(error)} ${inspect(error)}`
      expect(shown).not.toContain('planted')
      expect(shown).not.toContain('cGxhbnRlZDpzZWNyZXQ')
      expect(shown).toContain(REDACTED)
    }
  })

  it('carry a stable code, a name and the cause', () => {
    const cause = new Error('root')
    const error = new ConfigurationError('baseUrl', 'is wrong', { cause })
    expect(error).toMatchObject({ code: 'CONFIGURATION', name: 'ConfigurationError', option: 'baseUrl', cause })
    expect(error.toJSON()).toEqual({ name: 'ConfigurationError', code: 'CONFIGURATION', message: error.message })
  })
})
