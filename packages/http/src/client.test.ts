import { inspect } from 'node:util'
import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import ky from 'ky'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { ConfigurationError, InsecureTransportError, isB2bkitError, NetworkError, TimeoutError } from './errors.js'
import { definePlugin, type Plugin } from './plugin.js'
import { getRequestId } from './request-id.js'
import { version } from './version.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const orderPlugin = (name: string, seen: string[]): Plugin =>
  definePlugin(name, {
    hooks: {
      beforeRequest: [
        ({ request }) => {
          seen.push(`before:${name}`)
          request.headers.append('x-plugins', name)
        },
      ],
      afterResponse: [() => void seen.push(`after:${name}`)],
    },
  })

describe('createClient', () => {
  it('merges plugins in the order given, for requests and responses', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }))
    const seen: string[] = []
    const client = createClient({
      baseUrl: server.url,
      plugins: [orderPlugin('first', seen), orderPlugin('second', seen), orderPlugin('third', seen)],
    })
    await client.get('things').json()
    expect(seen).toEqual([
      'before:first',
      'before:second',
      'before:third',
      'after:first',
      'after:second',
      'after:third',
    ])
    expect(server.received[0]?.headers['x-plugins']).toBe('first, second, third')
  })

  it('lets a plugin work with plain ky', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const seen: string[] = []
    await ky.extend(orderPlugin('alone', seen).options).get(`${server.url}/x`)
    expect(seen).toEqual(['before:alone', 'after:alone'])
    expect(server.received[0]?.headers['x-plugins']).toBe('alone')
  })

  it('sends a b2bkit User-Agent with the app suffix', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    await createClient({ baseUrl: server.url, userAgent: 'my-shop/2.3' }).get('x')
    expect(server.received[0]?.headers['user-agent']).toBe(`b2bkit/${version} my-shop/2.3`)
  })

  it('sends the headers given, and lets plugins add theirs', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const client = createClient({
      baseUrl: server.url,
      headers: { accept: 'application/vnd.retailer.v10+json' },
      plugins: [definePlugin('tenant', { headers: { 'x-tenant': 'shop-1' } })],
    })
    await client.get('x')
    expect(server.received[0]?.headers.accept).toBe('application/vnd.retailer.v10+json')
    expect(server.received[0]?.headers['x-tenant']).toBe('shop-1')
  })

  it('fails at construction when the base URL is missing or not http', () => {
    expect(() => createClient({ baseUrl: 'not a url' })).toThrow(ConfigurationError)
    expect(() => createClient({ baseUrl: 'ftp://example.com' })).toThrow(/option "baseUrl"/)
    expect(() => createClient({} as never)).toThrow(/option "baseUrl": is required/)
  })

  it('fails at construction when a plugin is not a plugin', () => {
    expect(() => createClient({ baseUrl: 'https://example.com', plugins: [{} as Plugin] })).toThrow(
      /option "plugins\[0\]"/,
    )
  })
})

describe('request ids', () => {
  it('are readable on every response, whichever header the provider uses', async () => {
    server = await startTestServer((request, response) => {
      const header = request.url.slice(1)
      sendJson(response, 200, {}, { [header]: `id-for-${header}` })
    })
    const client = createClient({ baseUrl: server.url })
    for (const header of ['x-request-id', 'x-b2b-trace-id', 'x-b2b-api-request-id']) {
      expect(getRequestId(await client.get(header))).toBe(`id-for-${header}`)
    }
  })

  it('are set on the error of a failed request', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 404, {}, { 'X-Request-ID': 'req-404' }))
    const error = await createClient({ baseUrl: server.url })
      .get('missing')
      .catch((caught: unknown) => caught)
    expect((error as { requestId?: string }).requestId).toBe('req-404')
    expect(getRequestId(error)).toBe('req-404')
  })
})

describe('failures without a response', () => {
  it('become a NetworkError when the connection is refused', async () => {
    server = await startTestServer(() => undefined)
    const url = server.url
    await server.close()
    server = undefined
    const error = await createClient({ baseUrl: url, retry: 0 })
      .get('x')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(isB2bkitError(error)).toBe(true)
    expect((error as NetworkError).code).toBe('NETWORK')
  })

  it('keep the socket error as the cause, and no request header anywhere in the error', async () => {
    server = await startTestServer(() => undefined)
    const url = server.url
    await server.close()
    server = undefined
    const error = await createClient({ baseUrl: url, retry: 0 })
      .get('x?page=1', { headers: { authorization: 'Bearer planted-token-value' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error & { cause?: { code?: string } }).cause?.code).toBe('ECONNREFUSED')
    expect(inspect(error, { showHidden: true, depth: 10 })).not.toContain('planted-token-value')
    expect((error as NetworkError).url).toBe(`${url}/x`)
  })

  it('become a TimeoutError when the server does not answer in time', async () => {
    server = await startTestServer(() => undefined)
    const error = await createClient({ baseUrl: server.url, timeout: 150, retry: 0 })
      .get('slow')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).code).toBe('TIMEOUT')
  })
})

describe('insecure transport', () => {
  const recordingFetch = (calls: string[]): typeof fetch => {
    return async (input) => {
      calls.push(input instanceof Request ? input.url : String(input))
      return new Response('{}', { headers: { 'content-type': 'application/json' } })
    }
  }

  it('refuses to send credentials over plain http to a remote host, naming the URL but not the secret', async () => {
    const calls: string[] = []
    const client = createClient({ baseUrl: 'http://api.example.com', fetch: recordingFetch(calls) })
    const error = await client
      .get('orders?access_token=planted-secret-1', { headers: { authorization: 'Bearer planted-secret-2' } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InsecureTransportError)
    expect((error as Error).message).toContain('http://api.example.com/orders')
    expect(JSON.stringify(error) + (error as Error).message).not.toMatch(/planted-secret/)
    expect(calls).toEqual([])
  })

  it('guards a provider-specific credential header named in secretHeaders', async () => {
    const calls: string[] = []
    const client = createClient({
      baseUrl: 'http://api.example.com',
      fetch: recordingFetch(calls),
      secretHeaders: ['X-Shop-Key'],
    })
    await expect(client.get('a', { headers: { 'x-shop-key': 'k' } })).rejects.toBeInstanceOf(InsecureTransportError)
    expect(calls).toEqual([])
  })

  it('tells plugins whether insecure http is allowed, through the request context', async () => {
    const seen: unknown[] = []
    const plugin = definePlugin('probe', {
      hooks: { beforeRequest: [({ options }) => void seen.push(options.context.allowInsecureHttp)] },
    })
    const calls: string[] = []
    await createClient({ baseUrl: 'http://a.example', fetch: recordingFetch(calls), plugins: [plugin] }).get('x')
    await createClient({
      baseUrl: 'http://a.example',
      fetch: recordingFetch(calls),
      plugins: [plugin],
      allowInsecureHttp: true,
    }).get('x')
    expect(seen).toEqual([false, true])
  })

  it('sends without credentials, or with allowInsecureHttp, or to loopback', async () => {
    const calls: string[] = []
    await createClient({ baseUrl: 'http://api.example.com', fetch: recordingFetch(calls) }).get('public')
    await createClient({
      baseUrl: 'http://api.example.com',
      fetch: recordingFetch(calls),
      allowInsecureHttp: true,
    }).get('private', { headers: { 'x-b2b-api-key': 'k' } })
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    await createClient({ baseUrl: server.url }).get('local', { headers: { authorization: 'Bearer t' } })
    expect(calls).toEqual(['http://api.example.com/public', 'http://api.example.com/private'])
    expect(server.received[0]?.headers.authorization).toBe('Bearer t')
  })
})
