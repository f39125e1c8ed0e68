import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { NetworkError } from './errors.js'
import { failedBeforeSending } from './retry-policy.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

// Answers 503 to the first request of each path, then 200.
async function flakyServer(): Promise<TestServer> {
  const seen = new Set<string>()
  return startTestServer((request, response) => {
    const key = `${request.method} ${request.url}`
    if (seen.has(key)) return sendJson(response, 200, { ok: true })
    seen.add(key)
    sendJson(response, 503, { title: 'unavailable' })
  })
}

const fastRetry = { limit: 2, delay: () => 5 }

describe('retries', () => {
  it('retries GET, PUT and DELETE after a 503', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: fastRetry })
    await client.get('a')
    await client.put('b', { json: {} })
    await client.delete('c')
    expect(server.received.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /a',
      'GET /a',
      'PUT /b',
      'PUT /b',
      'DELETE /c',
      'DELETE /c',
    ])
  })

  it('does not retry a POST or PATCH that reached the server', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: fastRetry })
    await expect(client.post('orders', { json: { id: 1 } })).rejects.toThrow()
    await expect(client.patch('orders/1', { json: { id: 1 } })).rejects.toThrow()
    expect(server.received.map((request) => request.method)).toEqual(['POST', 'PATCH'])
  })

  it('retries a POST that carries an idempotency key', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: fastRetry })
    await client.post('payments', { json: {}, headers: { 'Idempotency-Key': 'abc' } })
    expect(server.received.map((request) => request.headers['idempotency-key'])).toEqual(['abc', 'abc'])
  })

  it('honours a provider-specific idempotency header', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: fastRetry, idempotencyKeyHeader: 'X-Idempotency-Key' })
    await client.post('payments', { json: {}, headers: { 'X-Idempotency-Key': 'abc' } })
    expect(server.received).toHaveLength(2)
  })

  it('retries a POST that a provider package marked safe', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: fastRetry })
    await client.post('process-status', { json: [], context: { retrySafe: true } })
    expect(server.received).toHaveLength(2)
  })

  it('retries a POST that a provider package marked safe after its connection broke, without sending the mark', async () => {
    let attempts = 0
    server = await startTestServer((_request, response) => {
      attempts++
      if (attempts === 1) return void response.socket?.destroy()
      sendJson(response, 200, { ok: true })
    })
    const client = createClient({ baseUrl: server.url, retry: fastRetry })
    await client.post('process-status', { json: [], context: { retrySafe: true } })
    expect(server.received).toHaveLength(2)
    expect(server.received.every((request) => !('x-b2bkit-retry-safe' in request.headers))).toBe(true)
  })

  it('retries a POST whose connection was refused, since nothing was sent', async () => {
    server = await startTestServer(() => undefined)
    const url = server.url
    await server.close()
    server = undefined
    let attempts = 0
    const countingFetch: typeof fetch = (input, init) => {
      attempts++
      return fetch(input, init)
    }
    const error = await createClient({ baseUrl: url, retry: fastRetry, fetch: countingFetch })
      .post('orders', { json: {} })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(attempts).toBe(3)
  })

  it('does not retry a POST whose connection broke after it was sent', async () => {
    server = await startTestServer((_request, response) => {
      response.socket?.destroy()
    })
    const error = await createClient({ baseUrl: server.url, retry: fastRetry })
      .post('orders', { json: {} })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(server.received).toHaveLength(1)
  })

  it('lets the caller’s own shouldRetry decide first', async () => {
    server = await flakyServer()
    const client = createClient({ baseUrl: server.url, retry: { ...fastRetry, shouldRetry: () => false } })
    await expect(client.get('a')).rejects.toThrow()
    expect(server.received).toHaveLength(1)
  })
})

describe('failedBeforeSending', () => {
  it('recognises a refused connection anywhere in the cause chain, and nothing else', () => {
    expect(failedBeforeSending({ cause: { cause: { code: 'ECONNREFUSED' } } })).toBe(true)
    expect(failedBeforeSending({ cause: { code: 'ECONNRESET' } })).toBe(false)
    expect(failedBeforeSending(new Error('boom'))).toBe(false)
    expect(failedBeforeSending(undefined)).toBe(false)
  })
})
