import { isTooManyRequestsError } from '@b2bkit/problem'
import { afterEach, describe, expect, it } from 'vitest'
import { type SieSmartTestbed, startTestbed } from './internal/test-support.js'

let bed: SieSmartTestbed | undefined
afterEach(async () => {
  await bed?.emulator.stop()
  bed = undefined
})

describe('rate limits', () => {
  it('sends a burst of 200 calls without a single 429', async () => {
    // SieSmart's shape (a window per client with X-RateLimit-* headers) at test speed: 100 per 500 ms, not 100 a minute.
    const rule = { limit: 100, intervalMs: 500 }
    bed = await startTestbed({ rateLimits: { rules: [{ path: '/siesmart/**', ...rule }], includeDefaults: false } })
    const client = bed.clientWith({ rateLimit: { defaultRule: rule } })
    const results = await Promise.all(Array.from({ length: 200 }, () => client.config.assets.list()))
    expect(results).toHaveLength(200)
    expect(bed.emulator.requests.filter((request) => request.status === 429)).toEqual([])
    expect(client.stats()).toMatchObject({
      requests: 200,
      tooManyRequests: 0,
      retries: 0,
      tokenRequests: 1,
      throttled: 0,
    })
    expect(client.limiter?.stats().throttledTotal).toBeGreaterThan(0)
  })

  it('turns a 429 into a TooManyRequestsError with its Retry-After and trace id once retries are spent', async () => {
    bed = await startTestbed({
      rateLimits: { rules: [{ path: '/siesmart/**', limit: 1, intervalMs: 60_000 }], includeDefaults: false },
    })
    const client = bed.clientWith({ retry: 0 })
    await client.config.offices.list()
    const error = await client.config.offices.list().catch((caught: unknown) => caught)
    expect(isTooManyRequestsError(error)).toBe(true)
    expect(error).toMatchObject({
      providerCode: 'TOO_MANY_REQUESTS',
      requestId: bed.emulator.requests.at(-1)?.requestId,
    })
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(50_000)
  })
})
