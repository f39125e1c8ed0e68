import { createClient } from '@b2bkit/http'
import { describe, expect, test } from 'vitest'
import { rateLimit } from './rate-limit-plugin.js'
import type { RateLimitedServer } from './test-support/rate-limited-server.js'
import { quietLogger, serversPerFile } from './test-support/servers-per-file.js'

// Tests in a file run concurrently (they mostly wait on windows).
const serve = serversPerFile()
const quiet = quietLogger

/**
 * How long the server saw a path busy: from the first request's arrival to the last's. Measured at the server, so
 * the test's own start-up time on a loaded machine does not count.
 */
function busySpan(server: RateLimitedServer, path: string): number {
  const times = server.received.filter((r) => r.path === path).map((r) => r.receivedAt)
  return Math.max(...times) - Math.min(...times)
}

/** The most requests the server accepted in any span of `windowMs`. */
function busiestWindow(server: RateLimitedServer, path: string, windowMs: number): number {
  const times = server.received.filter((r) => r.path === path && r.status === 200).map((r) => r.receivedAt)
  return Math.max(0, ...times.map((start) => times.filter((time) => time >= start && time < start + windowMs).length))
}

describe.concurrent('against a bol-style server (sliding windows per method and path, X-RateLimit-* headers)', () => {
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
    await Promise.all([
      ...Array.from({ length: 21 }, () => http.get('retailer/orders').json()),
      ...Array.from({ length: 24 }, (_, index) => http.get(`retailer/orders/${1000 + index}`).json()),
      ...Array.from({ length: 50 }, () => http.put('retailer/orders/cancellation', { json: {} }).json()),
    ])

    expect(server.rejected()).toBe(0)
    expect(server.received).toHaveLength(95)
    expect(busiestWindow(server, '/retailer/orders', 900)).toBe(7)
    expect(busiestWindow(server, '/retailer/orders/cancellation', 600)).toBe(25)
    // 21 list calls at 7 per 900 ms: the third batch may start two windows (1.8 s) after the first. The bound leaves
    // a window for a loaded machine; the bench measures the figure.
    const spanMs = busySpan(server, '/retailer/orders')
    expect(spanMs).toBeGreaterThanOrEqual(1800)
    expect(spanMs).toBeLessThan(1800 + 900)
    expect(limits.limiter.stats()).toMatchObject({ rateLimitedTotal: 0, waiting: 0, inFlight: 0 })
  })

  test('keeps each window full: 40 requests at 10 per 500 ms take about four windows', async () => {
    const server = await serve({ rules: [{ path: '/offers', limit: 10, windowMs: 500 }], headers: 'bol', latencyMs: 2 })
    const http = createClient({
      baseUrl: server.url,
      plugins: [rateLimit({ rules: [{ path: '/offers', limit: 10, intervalMs: 500 }], logger: quiet })],
    })
    await Promise.all(Array.from({ length: 40 }, () => http.get('offers').json()))

    expect(server.rejected()).toBe(0)
    expect(busiestWindow(server, '/offers', 500)).toBe(10)
    // The fourth batch may start three windows (1.5 s) after the first; starting it within the fourth window is
    // 100% quota use. The bound leaves a window for a loaded machine; the bench measures the figure.
    const spanMs = busySpan(server, '/offers')
    expect(spanMs).toBeGreaterThanOrEqual(1500)
    expect(spanMs).toBeLessThan(1500 + 500)
  })
})

describe.concurrent('against a Convictional-style server (5 per fixed 1 s bucket, X-Rate-Limit-Limit and -Duration)', () => {
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
    await Promise.all(Array.from({ length: 10 }, () => http.get('buyer/orders').json()))

    expect(server.rejected()).toBe(0)
    expect(server.received).toHaveLength(10)
    // Two buckets of five: the second starts a second after the first, plus a response's round trip.
    const spanMs = busySpan(server, '/buyer/orders')
    expect(spanMs).toBeGreaterThanOrEqual(1000)
    expect(spanMs).toBeLessThan(1000 + 1000)
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
