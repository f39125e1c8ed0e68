import { AuthError } from '@b2bkit/auth'
import { ConfigurationError, NetworkError, TimeoutError } from '@b2bkit/http'
import { createProblemError } from '@b2bkit/problem'
import { ProcessFailedError } from '@b2bkit/process'
import { describe, expect, it } from 'vitest'
import { JobFailedError, OrderFailedError } from '../sample-errors.ts'
import { classifyFailure, jobFailure, messageOf, orderFailure } from './failures.ts'

const problem = (status: number, requestId?: string) =>
  createProblemError({ status, detail: `status ${status}`, requestId, method: 'POST', url: 'http://127.0.0.1:9/x' })

describe('reading a client error', () => {
  it.each([
    ['a 503', problem(503), 'transient'],
    ['a 429', problem(429), 'transient'],
    ['a lost connection', new NetworkError('POST', 'http://127.0.0.1:9/x'), 'transient'],
    ['a timeout', new TimeoutError('GET', 'http://127.0.0.1:9/x'), 'transient'],
    ['a token endpoint outage', new AuthError('AUTH_UNAVAILABLE', 'token endpoint answered 503'), 'transient'],
    ['a refused client secret', new AuthError('AUTH_REJECTED', 'invalid_client'), 'credentials'],
    ['a 401', problem(401), 'credentials'],
    ['a 403', problem(403), 'credentials'],
    ['a 422', problem(422), 'order'],
    ['a 404', problem(404), 'order'],
    ['a failed process', new ProcessFailedError({}, { state: 'FAILURE', errorMessage: 'already shipped' }), 'order'],
    ['a configuration mistake', new ConfigurationError('baseUrl', 'must be a URL'), 'unexpected'],
    ['a TypeError', new TypeError('x is not a function'), 'unexpected'],
  ])('treats %s as %s', (_, error, kind) => {
    expect(classifyFailure(error)).toBe(kind)
  })

  it('says which provider stopped the job and why, in one line with the request id', () => {
    const refused = jobFailure('bol', problem(401, 'req-77'), 'check BOL_CLIENT_ID and BOL_CLIENT_SECRET')
    expect(refused).toBeInstanceOf(JobFailedError)
    expect(refused).toMatchObject({ reason: 'credentials', provider: 'bol', code: 'SAMPLE_JOB_FAILED' })
    expect(refused.message).toMatch(/^bol\.com refused the credentials: .*\(request id req-77\) — check BOL_CLIENT_ID/)
    const down = jobFailure('b2brouter', new NetworkError('GET', 'http://127.0.0.1:9/accounts/1'))
    expect(down.message).toBe(
      'B2Brouter is unavailable: GET http://127.0.0.1:9/accounts/1 failed before a response arrived',
    )
    expect(jobFailure('siesmart', down)).toBe(down)
  })

  it("keeps an order's failure with the step it failed in", () => {
    const failed = orderFailure('purchase order', problem(422))
    expect(failed).toBeInstanceOf(OrderFailedError)
    expect(failed.step).toBe('purchase order')
    expect(failed.message.startsWith('purchase order: ')).toBe(true)
    expect(messageOf(new Error('first line\nsecond line'))).toBe('first line')
  })
})
