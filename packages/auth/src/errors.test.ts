import { B2bkitError, isB2bkitError } from '@b2bkit/http'
import { describe, expect, it } from 'vitest'
import { AuthError, isAuthError } from './errors.js'

describe('AuthError', () => {
  it('is a B2bkitError with a stable code and a plain JSON view', () => {
    const error = new AuthError('AUTH_REJECTED', 'token endpoint rejected the request with 401', {
      status: 401,
      oauthError: 'invalid_client',
      tokenUrl: 'https://login.example.test/token',
      requestId: 'req-1',
    })
    expect(error).toBeInstanceOf(B2bkitError)
    expect(isB2bkitError(error)).toBe(true)
    expect(error.name).toBe('AuthError')
    expect(error.toJSON()).toEqual({
      name: 'AuthError',
      code: 'AUTH_REJECTED',
      message: 'token endpoint rejected the request with 401',
      requestId: 'req-1',
      status: 401,
      oauthError: 'invalid_client',
      tokenUrl: 'https://login.example.test/token',
    })
  })

  it('keeps the response non-enumerable, out of JSON and spreads', () => {
    const response = new Response('{}', { status: 401 })
    const error = new AuthError('AUTH_REJECTED', 'no', { response })
    expect(error.response).toBe(response)
    expect(Object.keys(error)).not.toContain('response')
    expect(JSON.stringify(error)).not.toContain('Response')
  })

  it('redacts bearer credentials and JWTs that reach its message', () => {
    const error = new AuthError('AUTH_REJECTED', 'server said Bearer abc.def.ghi and eyJhbGciOi.eyJzdWIiOi.sig')
    expect(error.message).toBe('server said Bearer [REDACTED] and [REDACTED]')
  })

  it('is recognised across two installed copies by its marker, and plain errors are not', () => {
    const foreign = new Error('from another copy')
    Object.defineProperty(foreign, Symbol.for('b2bkit.error.auth'), { value: true })
    expect(isAuthError(foreign)).toBe(true)
    expect(isAuthError(new B2bkitError('AUTH_REJECTED', 'not an auth error'))).toBe(false)
    expect(isAuthError(null)).toBe(false)
  })
})
