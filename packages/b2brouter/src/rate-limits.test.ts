import { createClient, requestMetrics } from '@b2bkit/http'
import { isTooManyRequestsError } from '@b2bkit/problem'
import { rateLimit } from '@b2bkit/rate-limit'
import { sendJson, startTestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { backoffOn429 } from './internal/backoff-on-429.js'
import { type B2BRouterTestbed, startTestbed } from './internal/test-support.js'

let bed: B2BRouterTestbed | undefined
afterEach(async () => {
  await bed?.emulator.stop()
  bed = undefined
})

describe('rate limits', () => {
  it('sends a burst of 200 calls without a single 429', async () => {
    // B2Brouter's shape (a sliding window per key) at test speed: 100 per 500 ms instead of 600 per minute.
    const rule = { limit: 100, intervalMs: 500 }
    bed = await startTestbed({ rateLimits: { rules: [{ path: '/**', ...rule }], includeDefaults: false } })
    const client = bed.clientWith({ rateLimit: { defaultRule: rule } })
    const accountId = bed.accountId
    const results = await Promise.all(Array.from({ length: 200 }, () => client.accounts.get(accountId)))
    expect(results).toHaveLength(200)
    expect(bed.emulator.requests.filter((request) => request.status === 429)).toEqual([])
    expect(client.stats()).toMatchObject({ requests: 200, tooManyRequests: 0, retries: 0, throttled: 0 })
    expect(client.limiter?.stats().throttledTotal).toBeGreaterThan(0)
  })

  it("turns the emulator's 429 into a TooManyRequestsError with its code and Retry-After once retries are spent", async () => {
    bed = await startTestbed({
      rateLimits: { rules: [{ path: '/**', limit: 1, intervalMs: 60_000 }], includeDefaults: false },
    })
    const client = bed.clientWith({ rateLimit: false, retry: 0 })
    await client.accounts.list()
    const error = await client.accounts.list().catch((caught: unknown) => caught)
    expect(isTooManyRequestsError(error)).toBe(true)
    expect(error).toMatchObject({ providerCode: 'rate_limit_exceeded', retryable: true })
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000)
    expect(client.stats()).toMatchObject({ requests: 2, tooManyRequests: 1 })
  })

  it('backs off exponentially after 429s that say nothing about when to come back', async () => {
    let refusals = 2
    const arrivals: number[] = []
    const server = await startTestServer((_request, response) => {
      arrivals.push(Date.now())
      if (refusals-- > 0) return sendJson(response, 429, { error: { message: 'Too many requests' } })
      return sendJson(response, 200, { accounts: [] })
    })
    try {
      const metrics = requestMetrics()
      const http = createClient({
        baseUrl: server.url,
        retry: 3,
        plugins: [
          metrics,
          backoffOn429({ initialDelayMs: 50, maxDelayMs: 10_000 }),
          rateLimit({ defaultRule: { limit: 100, intervalMs: 1_000 } }),
        ],
      })
      await http.get('accounts')
      expect(metrics.snapshot()).toMatchObject({ requests: 3, tooManyRequests: 2 })
      const [first = 0, second = 0, third = 0] = arrivals
      // The limiter paused about 50 ms, then 100 ms: generous lower bounds only.
      expect(second - first).toBeGreaterThanOrEqual(40)
      expect(third - second).toBeGreaterThanOrEqual(90)
    } finally {
      await server.close()
    }
  })

  it("retries such 429s with ky's own backoff when the limiter is off", async () => {
    let refusals = 2
    const server = await startTestServer((_request, response) =>
      refusals-- > 0 ? sendJson(response, 429, {}) : sendJson(response, 200, { accounts: [] }),
    )
    try {
      const metrics = requestMetrics()
      const http = createClient({
        baseUrl: server.url,
        retry: { limit: 3, backoffLimit: 50 },
        plugins: [metrics, backoffOn429({ initialDelayMs: 50, maxDelayMs: 10_000 })],
      })
      expect(await http.get('accounts').json()).toEqual({ accounts: [] })
      expect(metrics.snapshot()).toMatchObject({ requests: 3, tooManyRequests: 2, retries: 2 })
    } finally {
      await server.close()
    }
  })

  it('leaves a 429 alone when it says when to come back', async () => {
    let refused = false
    const server = await startTestServer((_request, response) => {
      if (refused) return sendJson(response, 200, {})
      refused = true
      return sendJson(response, 429, {}, { 'retry-after': '0' })
    })
    try {
      const seen: Array<string | null> = []
      const http = createClient({
        baseUrl: server.url,
        retry: 1,
        plugins: [
          backoffOn429({ initialDelayMs: 5_000, maxDelayMs: 5_000 }),
          {
            name: 'spy',
            options: {
              hooks: { afterResponse: [({ response }) => void seen.push(response.headers.get('retry-after'))] },
            },
          },
        ],
      })
      const startedAt = Date.now()
      await http.get('x')
      expect(seen).toEqual(['0', null])
      expect(Date.now() - startedAt).toBeLessThan(4_000)
    } finally {
      await server.close()
    }
  })
})
