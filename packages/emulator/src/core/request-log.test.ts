import { describe, expect, it } from 'vitest'
import { RequestLog, redactBody } from './request-log.js'

const arrival = (body: string, headers: Record<string, string> = {}) => ({
  requestId: 'r',
  method: 'POST',
  path: '/orders',
  query: new URLSearchParams('page=1'),
  headers,
  rawBody: body,
  receivedAt: 0,
})

describe('RequestLog', () => {
  it('redacts authorization values, API keys and client secrets', () => {
    const log = new RequestLog()
    const recorded = log.recordRequest(
      arrival('grant_type=client_credentials&client_secret=hunter2', {
        authorization: 'Basic dXNlcjpwYXNz',
        'x-b2b-api-key': 'k-123',
      }),
    )
    expect(recorded.headers).toEqual({ authorization: 'Basic [REDACTED]', 'x-b2b-api-key': '[REDACTED]' })
    expect(recorded.body).toBe('grant_type=client_credentials&client_secret=[REDACTED]')
    expect(redactBody('{"client_id":"a","client_secret":"s3\\"cret"}')).toBe(
      '{"client_id":"a","client_secret":"[REDACTED]"}',
    )
  })

  it('links a repeated write to the first one with the same method, path and body', () => {
    const log = new RequestLog()
    const first = log.recordWrite(log.recordRequest(arrival('{"a":1}')), undefined)
    const other = log.recordWrite(log.recordRequest(arrival('{"a":2}')), 'key-2')
    const again = log.recordWrite(log.recordRequest(arrival('{"a":1}')), undefined)
    expect(first).toMatchObject({ writeId: 1, duplicateOf: undefined, body: { a: 1 }, applied: false })
    expect(other).toMatchObject({ writeId: 2, duplicateOf: undefined, idempotencyKey: 'key-2' })
    expect(again).toMatchObject({ writeId: 3, duplicateOf: 1, fingerprint: first.fingerprint })
    log.clear()
    expect(log.recordWrite(log.recordRequest(arrival('{"a":1}')), undefined).duplicateOf).toBeUndefined()
  })
})
