import { getRequestId } from '@b2bkit/http'
import { isProblemError } from '@b2bkit/problem'
import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { composeProviderClient } from './compose-provider-client.js'
import { send } from './provider-request.js'
import { readJson, requestEntity, requestJson } from './read-json.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const noAuth = { name: 'no-auth', options: {} }
const clientOf = (url: string, retry = 0) =>
  composeProviderClient({ client: { baseUrl: url, retry }, auth: noAuth, rateLimit: false }).http

describe('send()', () => {
  it('sends the method, JSON body, headers and the defined query values, arrays repeated', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, { id: 1 }))
    const response = await send(clientOf(server.url), 'v1/orders', {
      method: 'POST',
      json: { name: 'ACME' },
      headers: { 'x-trace': 'abc' },
      searchParams: { page: 2, open: true, status: ['OPEN', 'SHIPPED'], after: undefined, q: 'a&b=c' },
    })
    expect(response.status).toBe(201)
    const [received] = server.received
    expect(received?.method).toBe('POST')
    expect(received?.url).toBe('/v1/orders?page=2&open=true&status=OPEN&status=SHIPPED&q=a%26b%3Dc')
    expect(received?.headers['content-type']).toBe('application/json')
    expect(received?.headers['x-trace']).toBe('abc')
    expect(JSON.parse(received?.body ?? '')).toEqual({ name: 'ACME' })
  })

  it('sends a GET without a query or body when given nothing', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    await send(clientOf(server.url), 'orders')
    expect(server.received[0]).toMatchObject({ method: 'GET', url: '/orders', body: '' })
  })

  it('retries a POST after a 503 only when it is marked retry-safe', async () => {
    let calls = 0
    server = await startTestServer((_request, response) => {
      calls++
      sendJson(response, calls === 1 || calls === 3 ? 503 : 200, {}, { 'retry-after': '0' })
    })
    const http = clientOf(server.url, 2)
    await send(http, 'process-status', { method: 'POST', json: [], retrySafe: true })
    expect(server.received).toHaveLength(2)
    const error = await send(http, 'orders', { method: 'POST', json: {} }).catch((caught: unknown) => caught)
    expect(isProblemError(error)).toBe(true)
    expect(server.received).toHaveLength(3)
  })

  it('aborts a call with its signal', async () => {
    server = await startTestServer(() => {
      // Never answers: the call ends only by its signal.
    })
    const abort = new AbortController()
    const call = send(clientOf(server.url), 'slow', { signal: abort.signal })
    await expect.poll(() => server?.received.length).toBe(1)
    abort.abort()
    await expect(call).rejects.toBeInstanceOf(Error)
  })

  it('gives up an attempt after its own timeout', async () => {
    server = await startTestServer(() => {
      // Never answers.
    })
    await expect(send(clientOf(server.url), 'slow', { timeout: 50 })).rejects.toMatchObject({ code: 'TIMEOUT' })
  })
})

describe('readJson() and requestJson()', () => {
  it('reads the JSON body with the request id attached and not enumerable', async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 200, { id: 7 }, { 'x-request-id': 'r-1' }),
    )
    const body = await requestJson<{ id: number }>(clientOf(server.url), 'orders/7')
    expect(body).toEqual({ id: 7 })
    expect(getRequestId(body)).toBe('r-1')
    expect(Object.keys(body)).toEqual(['id'])
  })

  it('reads an empty or blank body as an empty object', async () => {
    for (const text of ['', ' \n ']) {
      const body = await readJson(new Response(text, { headers: { 'x-request-id': 'r-2' } }))
      expect(body).toEqual({})
      expect(getRequestId(body)).toBe('r-2')
    }
  })

  it("throws the parser's error for a body that is not JSON, or the caller's", async () => {
    await expect(readJson(new Response('<html>'))).rejects.toBeInstanceOf(SyntaxError)
    const error = await readJson(new Response('<html>', { status: 202 }), {
      invalidJson: (cause, response) => new Error(`status ${response.status} is not JSON`, { cause }),
    }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ message: 'status 202 is not JSON' })
    expect((error as Error).cause).toBeInstanceOf(SyntaxError)
  })
})

describe('requestEntity()', () => {
  it('returns the resource under the key with the request id, or the answer as it is without the key', async () => {
    server = await startTestServer((request, response) =>
      request.url === '/invoices/7'
        ? sendJson(response, 200, { invoice: { id: 7 } }, { 'x-request-id': 'r-3' })
        : sendJson(response, 200, { id: 8 }),
    )
    const http = clientOf(server.url)
    const wrapped = await requestEntity<{ id: number }>(http, 'invoices/7', 'invoice')
    expect(wrapped).toEqual({ id: 7 })
    expect(getRequestId(wrapped)).toBe('r-3')
    expect(await requestEntity(http, 'invoices/8', 'invoice')).toEqual({ id: 8 })
  })
})
