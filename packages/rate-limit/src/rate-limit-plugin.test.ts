import { createClient } from '@b2bkit/http'
import ky, { HTTPError, isHTTPError } from 'ky'
import { describe, expect, test } from 'vitest'
import { RateLimitedError } from './errors.js'
import { rateLimit } from './rate-limit-plugin.js'
import type { RateLimitedServerOptions } from './test-support/rate-limited-server.js'
import { quietLogger, serversPerFile } from './test-support/servers-per-file.js'

// Tests in a file run concurrently (they mostly wait on windows).
const serve = serversPerFile()
const quiet = quietLogger
/** A server that answers every request with 429 and `Retry-After: 0`. */
const alwaysRateLimited: RateLimitedServerOptions = {
  rules: [],
  headers: 'none',
  override: () => ({ status: 429, headers: { 'Retry-After': '0' } }),
}

describe.concurrent('on a 429', () => {
  test('pauses every queued request of the rule until the Retry-After, then retries the one that failed', async () => {
    let first = true
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => {
        if (!first) return undefined
        first = false
        return { status: 429, headers: { 'Retry-After': '1' } }
      },
    })
    const limits = rateLimit({ rules: [{ path: '/orders', limit: 100, intervalMs: 1000 }], logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    const paused = new Promise((resolve) => limits.limiter.on('rate-limited', resolve))
    const firstCall = http.get('orders').json()
    await paused
    const later = Array.from({ length: 5 }, () => http.get('orders').json())
    await Promise.all([firstCall, ...later])

    const [rejected, ...rest] = server.received
    expect(rejected?.status).toBe(429)
    expect(rest).toHaveLength(6)
    for (const request of rest) expect(request.receivedAt - (rejected?.receivedAt ?? 0)).toBeGreaterThanOrEqual(990)
    expect(limits.limiter.stats()).toMatchObject({ rateLimitedTotal: 1, retriesTotal: 1 })
  })

  test('shares one retry budget with ky: retry limit 2 means exactly three attempts against a server that always answers 429', async () => {
    const server = await serve(alwaysRateLimited)
    const limits = rateLimit({ rules: [{ path: '/orders', limit: 100, intervalMs: 1000 }], logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits], retry: 2 })
    const error = await http
      .get('orders')
      .json()
      .catch((caught: unknown) => caught)

    expect(isHTTPError(error)).toBe(true)
    expect((error as HTTPError).response.status).toBe(429)
    expect(server.received).toHaveLength(3)
    expect(limits.limiter.stats()).toMatchObject({ rateLimitedTotal: 3, retriesTotal: 2 })
  })

  test('does not retry at all when the retry limit is 0', async () => {
    const server = await serve(alwaysRateLimited)
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ rules: [{ path: '/orders', limit: 100, intervalMs: 1000 }], logger: quiet })],
      retry: 0,
    })
    await expect(http.get('orders').json()).rejects.toBeInstanceOf(HTTPError)
    expect(server.received).toHaveLength(1)
  })

  test('retries a POST after a 429 with the same body, because the server did not process it', async () => {
    let calls = 0
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '0' } } : undefined),
    })
    const http = createClient({
      baseUrl: server.url,
      plugins: [
        rateLimit({ rules: [{ method: 'POST', path: '/shipments', limit: 5, intervalMs: 1000 }], logger: quiet }),
      ],
    })
    await http.post('shipments', { json: { orderItemId: '42' } }).json()

    expect(server.received.map((request) => [request.status, request.body])).toEqual([
      [429, '{"orderItemId":"42"}'],
      [200, '{"orderItemId":"42"}'],
    ])
  })

  test('fails fast with a RateLimitedError that says when to come back when the pause exceeds maxRetryAfterMs under the fail policy', async () => {
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => ({ status: 429, headers: { 'Retry-After': '600', 'X-Request-ID': 'req-7' } }),
    })
    const limits = rateLimit({
      rules: [{ path: '/orders', limit: 10, intervalMs: 1000 }],
      maxRetryAfterMs: 60_000,
      retryAfterPolicy: 'fail',
      logger: quiet,
    })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    const started = Date.now()
    const error = await http.get('orders').catch((caught: unknown) => caught)
    const queued = await http.get('orders').catch((caught: unknown) => caught)

    expect(error).toBeInstanceOf(RateLimitedError)
    const rateLimited = error as RateLimitedError
    expect(rateLimited.code).toBe('RATE_LIMITED')
    expect(rateLimited.rule).toBe('* /orders')
    expect(rateLimited.requestId).toBe('req-7')
    expect(rateLimited.retryAt).toBeGreaterThanOrEqual(started + 599_000)
    expect(rateLimited.response?.status).toBe(429)
    expect(Object.keys(rateLimited)).not.toContain('response')
    // The rule stays paused: the next call fails at once too, without reaching the server.
    expect(queued).toBeInstanceOf(RateLimitedError)
    expect(server.received).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('waits only maxRetryAfterMs under the wait policy when the server asks for longer', async () => {
    let calls = 0
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '3600' } } : undefined),
    })
    const warnings: string[] = []
    const http = createClient({
      baseUrl: server.url,
      plugins: [
        rateLimit({
          rules: [{ path: '/orders', limit: 10, intervalMs: 1000 }],
          maxRetryAfterMs: 300,
          logger: { warn: (message) => warnings.push(message) },
        }),
      ],
    })
    await http.get('orders').json()

    const [first, second] = server.received
    expect(second?.status).toBe(200)
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(290)
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeLessThan(3000)
    expect(warnings.join('\n')).toMatch(/longer than maxRetryAfterMs/)
  })
})

describe.concurrent('queueing', () => {
  test('removes a waiting request when its signal aborts, and never sends it', async () => {
    const server = await serve({ rules: [], headers: 'none' })
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ rules: [{ path: '/orders', limit: 1, intervalMs: 400 }], logger: quiet })],
    })
    await http.get('orders', { searchParams: { n: 1 } }).json()
    const controller = new AbortController()
    const aborted = http.get('orders', { searchParams: { n: 2 }, signal: controller.signal }).json()
    const next = http.get('orders', { searchParams: { n: 3 } }).json()
    setTimeout(() => controller.abort(new Error('user left')), 50)

    await expect(aborted).rejects.toThrow('user left')
    await next
    expect(server.received).toHaveLength(2)
  })

  test('sends a waiting interactive call (context.priority) before the bulk calls queued earlier', async () => {
    const server = await serve({ rules: [], headers: 'none' })
    const order: string[] = []
    const http = ky
      .create({ prefix: server.url })
      .extend(rateLimit({ rules: [{ path: '/items/*', limit: 1, intervalMs: 300 }], logger: quiet }).options)
    const call = (name: string, priority?: number) =>
      http
        .get(`items/${name}`, priority === undefined ? {} : { context: { priority } })
        .json()
        .then(() => order.push(name))
    const calls = [call('bulk-1'), call('bulk-2'), call('bulk-3'), call('bulk-4')]
    await new Promise((resolve) => setTimeout(resolve, 20))
    calls.push(call('interactive', 10))
    await Promise.all(calls)

    // bulk-1 went at once and bulk-2 was already at the head of the line; the interactive call jumps the rest.
    expect(order.indexOf('interactive')).toBeLessThan(order.indexOf('bulk-3'))
    expect(server.received.map((request) => request.path)).toEqual(order.map((name) => `/items/${name}`))
  })

  test('frees the slot of a request that failed without a response, so its retry and later calls still get through', async () => {
    let calls = 0
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => (++calls === 1 ? { status: 0 } : undefined),
    })
    const limits = rateLimit({ rules: [{ path: '/orders', limit: 1, intervalMs: 100 }], logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    await http.get('orders').json()
    const failing = createClient({ baseUrl: server.url, plugins: [limits], retry: 0 })
    calls = 0
    await expect(failing.get('orders').json()).rejects.toThrow()
    await http.get('orders').json()

    // The first call failed once and was retried by ky; the second failed for good; the third went through.
    expect(server.received).toHaveLength(4)
    expect(limits.limiter.stats()).toMatchObject({ inFlight: 0, waiting: 0 })
  })
})
