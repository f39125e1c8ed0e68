import { createClient } from '@b2bkit/http'
import { describe, expect, test } from 'vitest'
import type { BudgetEvent, ThrottleEvent } from './events.js'
import { rateLimit } from './rate-limit-plugin.js'
import { quietLogger, serversPerFile } from './test-support/servers-per-file.js'

// Tests in a file run concurrently (they mostly wait on windows).
const serve = serversPerFile()
const quiet = quietLogger

describe.concurrent('with no rules, learning the budget from the response headers', () => {
  test('60 concurrent calls to a route whose limit only the headers tell see at most one 429', async () => {
    const server = await serve({ rules: [{ path: '/orders', limit: 30, windowMs: 1000 }], headers: 'bol' })
    const limits = rateLimit({ logger: quiet })
    const budgets: BudgetEvent[] = []
    limits.limiter.on('budget', (event) => budgets.push(event))
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    const results = await Promise.all(Array.from({ length: 60 }, () => http.get('orders').json()))

    expect(results).toHaveLength(60)
    expect(server.rejected()).toBeLessThanOrEqual(1)
    expect(server.received.filter((request) => request.status === 200)).toHaveLength(60)
    expect(budgets[0]).toMatchObject({ rule: 'GET /orders', limit: 30 })
  })

  test('holds back calls to an unknown route until the first answer, then lets the known budget through at once', async () => {
    const server = await serve({
      rules: [{ path: '/products/*', limit: 30, windowMs: 5000 }],
      headers: 'bol',
      latencyMs: 100,
    })
    const http = createClient({ baseUrl: server.url, plugins: [rateLimit({ logger: quiet })] })
    await Promise.all(Array.from({ length: 10 }, (_, index) => http.get(`products/${8_700_000_000 + index}`).json()))

    const [probe, ...rest] = server.received
    // The probe went alone: nothing else reached the server before its answer came back (100 ms later).
    for (const request of rest) expect(request.receivedAt - (probe?.receivedAt ?? 0)).toBeGreaterThanOrEqual(95)
    // After it, the other nine went together: one by one would take at least 9 × 100 ms.
    const spread = Math.max(...rest.map((r) => r.receivedAt)) - Math.min(...rest.map((r) => r.receivedAt))
    expect(spread).toBeLessThan(400)
    expect(server.rejected()).toBe(0)
  })

  test('treats a route whose answers carry no rate-limit header as unlimited after the first answer', async () => {
    const server = await serve({ rules: [], headers: 'none', latencyMs: 100 })
    const limits = rateLimit({ logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    await Promise.all(Array.from({ length: 8 }, () => http.get('ping').json()))

    // One by one, the seven calls after the first would take at least 7 × 100 ms.
    const times = server.received.slice(1).map((request) => request.receivedAt)
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(400)
    expect(await limits.limiter.snapshot('GET /ping')).toMatchObject({ limit: undefined, inFlight: 0 })
  })

  test('sends no request at all through the limiter when adaptive is off and no rule matches', async () => {
    const server = await serve({ rules: [], headers: 'none' })
    const limits = rateLimit({ adaptive: false, rules: [{ path: '/orders', limit: 1, intervalMs: 60_000 }] })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    await Promise.all(Array.from({ length: 5 }, () => http.get('invoices').json()))

    expect(server.received).toHaveLength(5)
    expect(limits.limiter.ruleFor('GET', `${server.url}/invoices`)).toBeUndefined()
    expect(limits.limiter.stats().throttledTotal).toBe(0)
  })
})

describe.concurrent('against a server with the IETF RateLimit and RateLimit-Policy fields', () => {
  test('learns the policy from the first answer and stays under it', async () => {
    const server = await serve({
      rules: [{ path: '/documents', limit: 8, windowMs: 1000 }],
      headers: 'ietf',
      latencyMs: 5,
    })
    const limits = rateLimit({ logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    await Promise.all(Array.from({ length: 16 }, () => http.get('documents').json()))

    expect(server.rejected()).toBe(0)
    expect(await limits.limiter.snapshot('GET /documents')).toMatchObject({ limit: 8, intervalMs: 1000 })
  })

  test('caps what it sends when the server has counted requests this client did not send', async () => {
    const server = await serve({ rules: [{ path: '/documents', limit: 10, windowMs: 1000 }], headers: 'ietf' })
    server.consume(0, 7)
    const throttles: ThrottleEvent[] = []
    const limits = rateLimit({ rules: [{ path: '/documents', limit: 10, intervalMs: 1000 }], logger: quiet })
    limits.limiter.on('throttle', (event) => throttles.push(event))
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    // One call first, so its answer can tell the limiter about the seven requests it did not send.
    await http.get('documents').json()
    await Promise.all(Array.from({ length: 5 }, () => http.get('documents').json()))

    expect(server.rejected()).toBe(0)
    expect(server.received).toHaveLength(6)
    expect(throttles[0]).toMatchObject({ rule: '* /documents', reason: 'budget' })
  })
})

describe.concurrent('malformed or hostile headers', () => {
  test('never stall or crash the queue: the values are clamped or ignored, and logged without secrets', async () => {
    let calls = 0
    const hostile = [
      { 'X-RateLimit-Limit': '-5', 'X-RateLimit-Remaining': 'NaN', 'X-RateLimit-Reset': '1e400' },
      { 'X-RateLimit-Limit': '99999999999999999999', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '99999999999' },
      { RateLimit: '"x";r=-1;t=Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'RateLimit-Policy': ';;;' },
      { 'Retry-After': 'Mon, 01 Jan 1990 00:00:00 GMT', 'X-Rate-Limit-Duration': '-1s' },
    ]
    const server = await serve({
      rules: [],
      headers: 'none',
      override: () => {
        const index = calls++
        if (index === 4) return { status: 429, headers: { 'Retry-After': 'soon, maybe' } }
        return { status: 200, headers: hostile[index % hostile.length] ?? {} }
      },
    })
    const warnings: string[] = []
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ maxRetryAfterMs: 400, logger: { warn: (message) => warnings.push(message) } })],
    })
    const started = Date.now()
    await Promise.all(Array.from({ length: 8 }, () => http.get('orders').json()))

    expect(server.received.filter((request) => request.status === 200)).toHaveLength(8)
    expect(Date.now() - started).toBeLessThan(5000)
    const log = warnings.join('\n')
    expect(log).toMatch(/x-ratelimit-limit: "-5" is not a non-negative number/)
    expect(log).toMatch(/a 429 without Retry-After or a reset/)
    expect(log).not.toContain('eyJhbGciOiJIUzI1NiJ9')
  })
})
