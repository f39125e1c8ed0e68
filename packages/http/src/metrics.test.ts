import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { requestMetrics } from './metrics.js'
import { getRequestId, withRequestId } from './request-id.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('requestMetrics', () => {
  it('counts requests, responses by status, 429s and retries', async () => {
    let calls = 0
    server = await startTestServer((request, response) => {
      calls++
      if (request.url === '/limited' && calls === 1) return sendJson(response, 429, {}, { 'Retry-After': '0' })
      if (request.url === '/missing') return sendJson(response, 404, {})
      sendJson(response, 200, {})
    })
    const metrics = requestMetrics()
    const client = createClient({ baseUrl: server.url, plugins: [metrics], retry: { limit: 2, delay: () => 1 } })
    await client.get('limited')
    await client.get('ok')
    await expect(client.get('missing')).rejects.toThrow()
    expect(metrics.snapshot()).toEqual({
      requests: 4,
      responsesByStatus: { 200: 2, 404: 1, 429: 1 },
      tooManyRequests: 1,
      retries: 1,
      failuresWithoutResponse: 0,
      inFlight: 0,
    })
    expect(server.received).toHaveLength(4)
  })

  it('counts a request that got no response', async () => {
    server = await startTestServer(() => undefined)
    const url = server.url
    await server.close()
    server = undefined
    const metrics = requestMetrics()
    await expect(createClient({ baseUrl: url, plugins: [metrics], retry: 0 }).get('x')).rejects.toThrow()
    expect(metrics.snapshot()).toMatchObject({ requests: 1, failuresWithoutResponse: 1, inFlight: 0 })
  })

  it('keeps the counts of two clients apart', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const first = requestMetrics()
    const second = requestMetrics()
    await createClient({ baseUrl: server.url, plugins: [first] }).get('a')
    expect(first.snapshot().requests).toBe(1)
    expect(second.snapshot().requests).toBe(0)
  })
})

describe('withRequestId', () => {
  it('puts the request id on a result without changing its JSON', () => {
    const response = new Response('{}', { headers: { 'X-B2B-TRACE-ID': 'trace-1' } })
    const result = withRequestId({ id: 7 }, response)
    expect(getRequestId(result)).toBe('trace-1')
    expect(JSON.stringify(result)).toBe('{"id":7}')
    expect(Object.keys(result)).toEqual(['id'])
  })

  it('leaves primitives and frozen objects alone', () => {
    const response = new Response('', { headers: { 'X-Request-ID': 'r' } })
    expect(withRequestId('text', response)).toBe('text')
    const frozen = Object.freeze({ a: 1 })
    expect(getRequestId(withRequestId(frozen, response))).toBeUndefined()
  })
})
