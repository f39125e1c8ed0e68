import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { ConfigurationError, ResponseTooLargeError, TimeoutError } from './errors.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const kibibyte = 1024

/** A server that answers 200 with `size` bytes of JSON-looking text, in 16 KiB chunks. */
async function bigBody(size: number): Promise<TestServer> {
  return startTestServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    const chunk = Buffer.alloc(16 * kibibyte, 0x20)
    let sent = 0
    const more = () => {
      while (sent < size) {
        sent += chunk.byteLength
        if (!response.write(chunk)) return void response.once('drain', more)
      }
      response.end()
    }
    more()
  })
}

describe('response body bounds', () => {
  it('fails a body longer than maxResponseBytes with ResponseTooLargeError, for every way of reading it', async () => {
    server = await bigBody(256 * kibibyte)
    const http = createClient({ baseUrl: server.url, maxResponseBytes: 64 * kibibyte, retry: 0 })
    const viaJson = await http
      .get('big')
      .json()
      .catch((error: unknown) => error)
    expect(viaJson).toBeInstanceOf(ResponseTooLargeError)
    expect(viaJson).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 64 * kibibyte, method: 'GET' })
    const response = await http.get('big')
    const viaText = await response.text().catch((error: unknown) => error)
    expect(viaText).toBeInstanceOf(ResponseTooLargeError)
    expect((viaText as Error).message).toContain(`${server.url}/big`)
  })

  it('reads a body within the bound whole, and lets one request raise the bound through its context', async () => {
    server = await bigBody(256 * kibibyte)
    const http = createClient({ baseUrl: server.url, maxResponseBytes: 64 * kibibyte, retry: 0 })
    const text = await http.get('big', { context: { maxResponseBytes: 512 * kibibyte } }).text()
    expect(text.length).toBe(256 * kibibyte)
    const unbounded = await createClient({ baseUrl: server.url, maxResponseBytes: false }).get('big').text()
    expect(unbounded.length).toBe(256 * kibibyte)
  })

  it('fails a body that stalls after the headers with TimeoutError within the timeout, however it is read', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
      response.write('{"orders": [')
    })
    const http = createClient({ baseUrl: server.url, timeout: 300, retry: 0 })
    const started = performance.now()
    // Read outside ky's shortcuts, as a provider client reads a page: the bound still applies.
    const response = await http.get('orders')
    const error = await response.text().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('takes a request’s own timeout as the bound of its body', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('[')
      setTimeout(() => response.end(']'), 400)
    })
    const http = createClient({ baseUrl: server.url, timeout: 200, retry: 0 })
    await expect((await http.get('slow')).text()).rejects.toBeInstanceOf(TimeoutError)
    await expect((await http.get('slow', { timeout: 2_000 })).text()).resolves.toBe('[]')
  })

  it('keeps the response’s URL and status, and leaves a body without content alone', async () => {
    server = await startTestServer((request, response) =>
      request.url === '/empty' ? void response.writeHead(204).end() : sendJson(response, 201, { id: 1 }),
    )
    const http = createClient({ baseUrl: server.url })
    const created = await http.post('things', { json: {} })
    expect(created.url).toBe(`${server.url}/things`)
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ id: 1 })
    const empty = await http.get('empty')
    expect(empty.status).toBe(204)
    expect(await empty.text()).toBe('')
  })

  it('refuses a maxResponseBytes that is not a positive whole number, naming the option', () => {
    expect(() => createClient({ baseUrl: 'https://api.example.com', maxResponseBytes: 0 })).toThrow(ConfigurationError)
    expect(() => createClient({ baseUrl: 'https://api.example.com', maxResponseBytes: 1.5 })).toThrow(
      /maxResponseBytes/,
    )
  })
})
