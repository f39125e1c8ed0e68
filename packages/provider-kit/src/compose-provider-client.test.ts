import { definePlugin, getRequestId } from '@b2bkit/http'
import { isNotFoundError, isProblemError } from '@b2bkit/problem'
import { rateLimit } from '@b2bkit/rate-limit'
import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { type ComposeProviderClientOptions, composeProviderClient } from './compose-provider-client.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const apiKey = definePlugin('test-auth', {
  hooks: { beforeRequest: [({ request }) => request.headers.set('x-api-key', 'key-1')] },
})

const compose = (baseUrl: string, options: Partial<ComposeProviderClientOptions> = {}) =>
  composeProviderClient({ client: { baseUrl, retry: 0 }, auth: apiKey, rateLimit: false, ...options })

describe('composeProviderClient()', () => {
  it('resolves paths below a base URL that has no trailing slash, with the auth header', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }))
    const { http } = compose(`${server.url}/api/b2b`)
    expect(await http.get('v1/offices').json()).toEqual({ ok: true })
    expect(server.received[0]?.url).toBe('/api/b2b/v1/offices')
    expect(server.received[0]?.headers['x-api-key']).toBe('key-1')
  })

  it('runs the plugins in b2bkit order: auth, before the limiter, problem details, after problem details', async () => {
    server = await startTestServer((request, response) =>
      request.url.endsWith('missing') ? sendJson(response, 404, { title: 'gone' }) : sendJson(response, 200, {}),
    )
    const seen: string[] = []
    const spy = (name: string) =>
      definePlugin(name, {
        hooks: {
          beforeRequest: [() => void seen.push(`${name} request`)],
          afterResponse: [({ response }) => void seen.push(`${name} ${response.status}`)],
          beforeError: [
            ({ error }) => {
              seen.push(`${name} ${isProblemError(error) ? 'ProblemError' : error.name}`)
              return error
            },
          ],
        },
      })
    const auth = definePlugin('auth', { hooks: { beforeRequest: [() => void seen.push('auth request')] } })
    const { http } = compose(server.url, { auth, beforeRateLimit: [spy('before')], afterProblem: [spy('after')] })
    await http.get('found')
    expect(seen).toEqual(['auth request', 'before request', 'after request', 'before 200', 'after 200'])
    seen.length = 0
    const error = await http.get('missing').catch((caught: unknown) => caught)
    // Problem details turns the 404 into a ProblemError between the plugin before it and the one after it.
    expect(isNotFoundError(error)).toBe(true)
    expect(seen.slice(-2)).toEqual(['before HTTPError', 'after ProblemError'])
  })

  it("reads a provider's error body with the given problem parsers", async () => {
    server = await startTestServer((_request, response) =>
      sendJson(response, 422, { fault: { reason: 'number taken', code: 'E42' } }, { 'x-request-id': 'req-7' }),
    )
    const { http } = compose(server.url, {
      problemParsers: [
        ({ json }) => {
          const fault = (json as { fault?: { reason?: string; code?: string } }).fault
          return fault === undefined ? undefined : { detail: fault.reason, providerCode: fault.code }
        },
      ],
    })
    const error = await http.post('invoices', { json: {} }).catch((caught: unknown) => caught)
    expect(isProblemError(error)).toBe(true)
    expect(error).toMatchObject({ status: 422, detail: 'number taken', providerCode: 'E42' })
    expect(getRequestId(error)).toBe('req-7')
  })

  it('counts requests, 429s, retries, token requests and failures without a response in stats()', async () => {
    let calls = 0
    server = await startTestServer((_request, response) => {
      calls++
      if (calls === 1) sendJson(response, 429, {}, { 'retry-after': '0' })
      else sendJson(response, 200, {})
    })
    let tokenRequests = 3
    const { http, limiter, stats } = composeProviderClient({
      client: { baseUrl: server.url, retry: { limit: 2 } },
      auth: apiKey,
      rateLimit: false,
      tokenRequests: () => tokenRequests,
    })
    expect(limiter).toBeUndefined()
    expect(stats()).toEqual({
      requests: 0,
      tooManyRequests: 0,
      retries: 0,
      tokenRequests: 3,
      throttled: 0,
      failuresWithoutResponse: 0,
    })
    await http.get('orders')
    tokenRequests = 4
    expect(stats()).toEqual({
      requests: 2,
      tooManyRequests: 1,
      retries: 1,
      tokenRequests: 4,
      throttled: 0,
      failuresWithoutResponse: 0,
    })
    const closedUrl = server.url
    await server.close()
    server = undefined
    const offline = compose(closedUrl)
    await expect(offline.http.get('orders')).rejects.toMatchObject({ code: 'NETWORK' })
    expect(offline.stats()).toMatchObject({ requests: 1, failuresWithoutResponse: 1, tokenRequests: 0 })
  })

  it('builds the limiter from options and the store, and reports the requests waiting in it', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const { http, limiter, stats } = compose(server.url, {
      rateLimit: { defaultRule: { limit: 1, intervalMs: 60_000 } },
    })
    expect(limiter).toBeDefined()
    await http.get('first')
    const abort = new AbortController()
    const waiting = http.get('second', { signal: abort.signal }).catch((caught: unknown) => caught)
    await expect.poll(() => stats().throttled).toBe(1)
    abort.abort()
    expect(await waiting).toBeInstanceOf(Error)
    await expect.poll(() => stats().throttled).toBe(0)
    expect(server.received.map((request) => request.url)).toEqual(['/first'])
  })

  it('uses a rate-limit plugin the provider built itself as it is', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const plugin = rateLimit({ defaultRule: { limit: 5, intervalMs: 60_000 } })
    const { http, limiter } = compose(server.url, { rateLimit: plugin })
    expect(limiter).toBe(plugin.limiter)
    await http.get('orders')
    expect(server.received).toHaveLength(1)
  })

  it('keeps separate statistics for each composed client', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}))
    const one = compose(server.url)
    const two = compose(server.url)
    await one.http.get('a')
    await one.http.get('b')
    await two.http.get('c')
    expect([one.stats().requests, two.stats().requests]).toEqual([2, 1])
  })
})
