import { ConfigurationError, createClient, InsecureTransportError } from '@b2bkit/http'
import ky from 'ky'
import { afterEach, describe, expect, it } from 'vitest'
import { apiKeyAuth } from './api-key-auth.js'
import { type RunningServer, sendJson, startServer } from './internal/test-servers.js'

let api: RunningServer | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

async function startApi() {
  api = await startServer((_request, response) => sendJson(response, 200, {}))
  return api
}

describe('apiKeyAuth', () => {
  it('sends the key in X-B2B-API-Key, as B2Brouter wants', async () => {
    const server = await startApi()
    const http = createClient({
      baseUrl: server.url,
      plugins: [apiKeyAuth({ header: 'X-B2B-API-Key', value: 'b2b-key-123456' })],
    })
    await http.get('projects')
    expect(server.seen[0]?.headers['x-b2b-api-key']).toBe('b2b-key-123456')
    expect(server.seen[0]?.headers.authorization).toBeUndefined()
  })

  it('sends the raw key in Authorization, as Convictional wants', async () => {
    const server = await startApi()
    const http = createClient({
      baseUrl: server.url,
      plugins: [apiKeyAuth({ header: 'Authorization', value: 'conv-key-abcdef' })],
    })
    await http.get('orders')
    expect(server.seen[0]?.headers.authorization).toBe('conv-key-abcdef')
  })

  it('puts the prefix and one space before the key', async () => {
    const server = await startApi()
    await ky
      .extend(apiKeyAuth({ header: 'Authorization', prefix: 'Token', value: 'abcdef123' }).options)
      .get(`${server.url}/x`)
    expect(server.seen[0]?.headers.authorization).toBe('Token abcdef123')
  })

  it('asks a key function on every request, for keys that rotate', async () => {
    const server = await startApi()
    let version = 0
    const http = createClient({
      baseUrl: server.url,
      plugins: [apiKeyAuth({ header: 'X-B2B-API-Key', value: async () => `rotating-key-${++version}` })],
    })
    await http.get('a')
    await http.get('b')
    expect(server.seen.map((request) => request.headers['x-b2b-api-key'])).toEqual(['rotating-key-1', 'rotating-key-2'])
  })

  it('fails the request, naming the option, when the key function returns nothing', async () => {
    const server = await startApi()
    const http = createClient({
      baseUrl: server.url,
      plugins: [apiKeyAuth({ header: 'X-B2B-API-Key', value: () => '' })],
    })
    await expect(http.get('a')).rejects.toThrow(/option "value"/)
    expect(server.seen).toHaveLength(0)
  })

  it('refuses to send the key over plain http to a remote host, even with plain ky', async () => {
    const plugin = apiKeyAuth({ header: 'X-B2B-API-Key', value: 'b2b-key-123456' })
    await expect(ky.extend(plugin.options).get('http://api.example.test/x')).rejects.toBeInstanceOf(
      InsecureTransportError,
    )
  })

  it('sends the key over plain http when the client allows insecure http', async () => {
    const seen: (string | null)[] = []
    const recordingFetch: typeof fetch = async (input) => {
      seen.push((input as Request).headers.get('x-b2b-api-key'))
      return new Response('{}', { headers: { 'content-type': 'application/json' } })
    }
    const http = createClient({
      baseUrl: 'http://api.example.test',
      fetch: recordingFetch,
      allowInsecureHttp: true,
      plugins: [apiKeyAuth({ header: 'X-B2B-API-Key', value: 'b2b-key-123456' })],
    })
    await http.get('x')
    expect(seen).toEqual(['b2b-key-123456'])
  })

  it('names the option of every construction mistake, never the key', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ header: '', value: 'secret-key-1' }, 'header'],
      [{ header: 'Bad Header', value: 'secret-key-1' }, 'header'],
      [{ header: 'X-Key', value: '' }, 'value'],
      [{ header: 'X-Key', value: 'secret\nkey' }, 'value'],
      [{ header: 'X-Key', value: 'secret\u0001key' }, 'value'],
      [{ header: 'X-Key', value: ' secret-key ' }, 'value'],
      [{ header: 'X-Key', value: 'secret-key-1', prefix: '' }, 'prefix'],
    ]
    for (const [options, option] of cases) {
      let thrown: unknown
      try {
        apiKeyAuth(options as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown, option).toBeInstanceOf(ConfigurationError)
      expect((thrown as ConfigurationError).option).toBe(option)
      expect((thrown as Error).message).not.toContain('secret')
    }
  })
})
