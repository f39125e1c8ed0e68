import { inspect } from 'node:util'
import { isB2bkitError } from '@b2bkit/http'
import { describe, expect, it, vi } from 'vitest'
import { isProblemError, isRetryableStatus, ProblemError } from './problem-error.js'
import {
  createProblemError,
  isConflictError,
  isNotFoundError,
  isServerError,
  isTooManyRequestsError,
  NotFoundError,
  ServerError,
} from './status-errors.js'

describe('ProblemError', () => {
  it('picks the class by status, with a stable code per class', () => {
    const cases: [number, string, string][] = [
      [400, 'BadRequestError', 'BAD_REQUEST'],
      [401, 'UnauthorizedError', 'UNAUTHORIZED'],
      [403, 'ForbiddenError', 'FORBIDDEN'],
      [404, 'NotFoundError', 'NOT_FOUND'],
      [409, 'ConflictError', 'CONFLICT'],
      [412, 'PreconditionFailedError', 'PRECONDITION_FAILED'],
      [422, 'UnprocessableEntityError', 'UNPROCESSABLE_ENTITY'],
      [429, 'TooManyRequestsError', 'TOO_MANY_REQUESTS'],
      [500, 'ServerError', 'SERVER_ERROR'],
      [503, 'ServerError', 'SERVER_ERROR'],
      [410, 'ProblemError', 'PROBLEM'],
    ]
    for (const [status, name, code] of cases) {
      const error = createProblemError({ status })
      expect([error.name, error.code, error instanceof ProblemError, isB2bkitError(error)]).toEqual([
        name,
        code,
        true,
        true,
      ])
    }
  })

  it('is retryable for 408, 425, 429 and 5xx unless the provider says otherwise', () => {
    expect([408, 425, 429, 500, 502, 503, 599].every(isRetryableStatus)).toBe(true)
    expect([400, 401, 404, 409, 412, 422].some(isRetryableStatus)).toBe(false)
    expect(createProblemError({ status: 503, retryable: false }).retryable).toBe(false)
    expect(createProblemError({ status: 409, retryable: true }).retryable).toBe(true)
  })

  it('says status, title, detail and the request in its message, and defaults type and title per RFC 9457', () => {
    const error = new NotFoundError({
      status: 404,
      detail: 'Order 7 not found',
      method: 'GET',
      url: 'https://x/orders/7',
    })
    expect(error.message).toBe('404 Not Found: Order 7 not found (GET https://x/orders/7)')
    expect(error.type).toBe('about:blank')
    const long = createProblemError({ status: 400, detail: 'y'.repeat(2000) })
    expect(long.message.length).toBeLessThan(600)
    expect(long.detail).toHaveLength(2000)
  })

  it('keeps the response off its enumerable properties, toJSON() and inspect output', () => {
    const response = new Response(null, { status: 500, headers: { 'set-cookie': 'session=secret-cookie-value' } })
    const error = new ServerError({ status: 500, response, requestId: 'r-1', violations: [{ name: 'a', reason: 'b' }] })
    expect(error.response).toBe(response)
    expect(Object.keys(error)).not.toContain('response')
    expect(inspect(error)).not.toContain('secret-cookie-value')
    expect(error.toJSON()).toEqual({
      name: 'ServerError',
      code: 'SERVER_ERROR',
      message: '500 Internal Server Error',
      requestId: 'r-1',
      status: 500,
      type: 'about:blank',
      title: 'Internal Server Error',
      violations: [{ name: 'a', reason: 'b' }],
      retryable: true,
    })
  })

  it('is recognised by its guards when it comes from another installed copy of the package', async () => {
    vi.resetModules()
    const otherCopy = await import('./status-errors.js')
    const foreign = new otherCopy.NotFoundError({ status: 404 })
    expect(foreign).not.toBeInstanceOf(NotFoundError)
    expect(isProblemError(foreign)).toBe(true)
    expect(isNotFoundError(foreign)).toBe(true)
    expect(isConflictError(foreign)).toBe(false)
    expect(isServerError(new otherCopy.ServerError({ status: 502 }))).toBe(true)
    expect(isTooManyRequestsError({ status: 429 })).toBe(false)
    expect(isProblemError(new Error('plain'))).toBe(false)
  })
})
