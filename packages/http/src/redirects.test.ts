import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { NetworkError } from './errors.js'

let servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})
async function serve(handle: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(handle)
  servers.push(server)
  return server
}

const apiKey = 'key-that-stays-home'
const keyed = (baseUrl: string) =>
  createClient({ baseUrl, retry: 0, headers: { 'X-B2B-API-Key': apiKey, 'X-Trace': 'kept' } })

describe('redirects of requests that carry credentials', () => {
  it('follows a redirect to another origin without any credential header, keeping the others', async () => {
    const elsewhere = await serve((_request, response) => sendJson(response, 200, { landed: true }))
    const api = await serve((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/landed` }).end()
    })
    expect(await keyed(api.url).get('accounts').json()).toEqual({ landed: true })
    expect(elsewhere.received).toHaveLength(1)
    expect(elsewhere.received[0]?.headers['x-b2b-api-key']).toBeUndefined()
    expect(elsewhere.received[0]?.headers['x-trace']).toBe('kept')
  })

  it('keeps the credentials on a redirect within the origin, and resends the body of a 307', async () => {
    const api = await serve((request, response) => {
      if (request.url === '/v1/invoices') return void response.writeHead(307, { location: '/v2/invoices' }).end()
      sendJson(response, 201, { body: request.body })
    })
    const created = await keyed(api.url)
      .post('v1/invoices', { json: { number: 'F-1' } })
      .json()
    expect(created).toEqual({ body: '{"number":"F-1"}' })
    expect(api.received.map((request) => [request.method, request.url, request.headers['x-b2b-api-key']])).toEqual([
      ['POST', '/v1/invoices', apiKey],
      ['POST', '/v2/invoices', apiKey],
    ])
  })

  it('turns a POST into a GET without a body on a 303, as fetch does', async () => {
    const api = await serve((request, response) => {
      if (request.method === 'POST') return void response.writeHead(303, { location: '/status/1' }).end()
      sendJson(response, 200, { method: request.method, length: request.headers['content-length'] ?? null })
    })
    expect(
      await keyed(api.url)
        .post('exports', { json: { all: true } })
        .json(),
    ).toEqual({
      method: 'GET',
      length: null,
    })
  })

  it('stops a redirect loop with a NetworkError that shows no key', async () => {
    const api = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' }).end()
    })
    const error = await keyed(api.url)
      .get('a')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(String((error as Error).cause)).toContain('more than 20 redirects')
    expect(JSON.stringify(error)).not.toContain(apiKey)
    expect(api.received).toHaveLength(21)
  })

  it('refuses a redirect to a scheme other than http(s), and honours redirect: "manual"', async () => {
    const api = await serve((request, response) => {
      response.writeHead(302, { location: request.url === '/file' ? 'file:///etc/passwd' : '/elsewhere' }).end()
    })
    await expect(keyed(api.url).get('file')).rejects.toBeInstanceOf(NetworkError)
    const manual = await keyed(api.url).get('other', { redirect: 'manual', throwHttpErrors: false })
    expect(manual.status).toBe(302)
    expect(manual.headers.get('location')).toBe('/elsewhere')
  })
})

describe('redirects in a runtime that hides them', () => {
  it('fails with a NetworkError instead of following an opaque redirect blindly', async () => {
    // A fetch that answers as a browser does for redirect: 'manual' — type opaqueredirect, status 0, no Location.
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' })
    Object.defineProperty(opaque, 'status', { value: 0 })
    const sent: Request[] = []
    const http = createClient({
      baseUrl: 'https://api.example.com',
      retry: 0,
      headers: { 'X-B2B-API-Key': apiKey },
      fetch: async (input) => {
        sent.push(input as Request)
        return opaque
      },
    })
    const error = await http.get('accounts').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NetworkError)
    expect(String((error as Error).cause)).toContain('hides the target')
    expect(sent.map((request) => request.redirect)).toEqual(['manual'])
  })
})
