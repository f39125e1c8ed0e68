import { createClient } from '@b2bkit/http'
import { afterEach, describe, expect, test } from 'vitest'
import { rateLimit } from './rate-limit-plugin.js'
import { type RateLimitedServer, startRateLimitedServer } from './test-support/rate-limited-server.js'

// These tests check how full the windows are, so they run one at a time; the others run concurrently.
const servers: RateLimitedServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(options: Parameters<typeof startRateLimitedServer>[0]): Promise<RateLimitedServer> {
  const server = await startRateLimitedServer(options)
  servers.push(server)
  return server
}

const quiet = { warn: () => {} }

/** The most requests the server accepted in any span of `windowMs`. */
function busiestWindow(server: RateLimitedServer, path: string, windowMs: number): number {
  const times = server.received.filter((r) => r.path === path && r.status === 200).map((r) => r.receivedAt)
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length))
}

describe('against a bol-style server (sliding windows per method and path, X-RateLimit-* headers)', () => {
  const serverRules = [
    { method: 'GET', path: '/retailer/orders/*', limit: 8, windowMs: 600 },
    { method: 'GET', path: '/retailer/orders', limit: 7, windowMs: 900 },
    { method: 'PUT', path: '/retailer/orders/cancellation', limit: 25, windowMs: 600 },
  ]
  const clientRules = [
    { method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 900 },
    { method: 'GET', path: '/retailer/orders/*', limit: 8, intervalMs: 600 },
    { method: 'PUT', path: '/retailer/orders/cancellation', limit: 25, intervalMs: 600 },
  ]

  test('sends three rules at their full rate without a single 429', async () => {
    const server = await serve({ rules: serverRules, headers: 'bol', latencyMs: 5 })
    const limits = rateLimit({ rules: clientRules, logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    const started = Date.now()
    await Promise.all([
      ...Array.from({ length: 21 }, () => http.get('retailer/orders').json()),
      ...Array.from({ length: 24 }, (_, index) => http.get(`retailer/orders/${1000 + index}`).json()),
      ...Array.from({ length: 50 }, () => http.put('retailer/orders/cancellation', { json: {} }).json()),
    ])
    const elapsedMs = Date.now() - started

    expect(server.rejected()).toBe(0)
    expect(server.received).toHaveLength(95)
    expect(busiestWindow(server, '/retailer/orders', 900)).toBe(7)
    expect(busiestWindow(server, '/retailer/orders/cancellation', 600)).toBe(25)
    // 21 list calls at 7 per 900 ms need two full windows after the first batch: 1.8 s plus latency.
    expect(elapsedMs).toBeGreaterThanOrEqual(1800)
    expect(elapsedMs).toBeLessThan(1800 + 900)
    expect(limits.limiter.stats()).toMatchObject({ rateLimitedTotal: 0, waiting: 0, inFlight: 0 })
  })

  test('keeps each window full: 40 requests at 10 per 500 ms take about four windows', async () => {
    const server = await serve({ rules: [{ path: '/offers', limit: 10, windowMs: 500 }], headers: 'bol', latencyMs: 2 })
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ rules: [{ path: '/offers', limit: 10, intervalMs: 500 }], logger: quiet })],
    })
    const started = Date.now()
    await Promise.all(Array.from({ length: 40 }, () => http.get('offers').json()))
    const elapsedMs = Date.now() - started

    expect(server.rejected()).toBe(0)
    expect(busiestWindow(server, '/offers', 500)).toBe(10)
    // The fourth batch may start after three windows (1.5 s); finishing inside the fourth window is 100% quota use.
    // The bound is generous for a loaded machine; the bench measures the figure.
    expect(elapsedMs).toBeGreaterThanOrEqual(1500)
    expect(elapsedMs).toBeLessThan(2000 + 500)
  })
})

describe('against a Convictional-style server (5 per fixed 1 s bucket, X-Rate-Limit-Limit and -Duration)', () => {
  const serverOptions = {
    rules: [{ path: '/buyer/orders', limit: 5, windowMs: 1000 }],
    headers: 'convictional' as const,
    windows: 'fixed' as const,
    latencyMs: 5,
  }

  test('uses the whole bucket with a configured rule and never sees a 429', async () => {
    const server = await serve(serverOptions)
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ rules: [{ path: '/buyer/orders', limit: 5, intervalMs: 1000 }], logger: quiet })],
    })
    const started = Date.now()
    await Promise.all(Array.from({ length: 10 }, () => http.get('buyer/orders').json()))
    const elapsedMs = Date.now() - started

    expect(server.rejected()).toBe(0)
    expect(server.received).toHaveLength(10)
    // Two buckets of five: the second starts a second after the first, and it takes a few ms more.
    expect(elapsedMs).toBeGreaterThanOrEqual(1000)
    expect(elapsedMs).toBeLessThan(2000)
  })

  test('learns the limit and the window from the headers when no rule is configured', async () => {
    const server = await serve(serverOptions)
    const limits = rateLimit({ logger: quiet })
    const http = createClient({ baseUrl: server.url, plugins: [limits] })
    await Promise.all(Array.from({ length: 10 }, () => http.get('buyer/orders').json()))

    expect(server.rejected()).toBe(0)
    expect(await limits.limiter.snapshot('GET /buyer/orders')).toMatchObject({ limit: 5, intervalMs: 1000 })
  })
})
