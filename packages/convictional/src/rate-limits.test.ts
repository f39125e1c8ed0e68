import { isTooManyRequestsError } from '@b2bkit/problem'
import { afterEach, describe, expect, it } from 'vitest'
import { type ConvictionalTestbed, startTestbed } from './internal/test-support.js'

let bed: ConvictionalTestbed | undefined
afterEach(async () => {
  await bed?.emulator.stop()
  bed = undefined
})

describe('rate limits', () => {
  it('sends a burst of 200 calls without a single 429, adapting to X-Rate-Limit-* headers', async () => {
    // Convictional's shape (fixed 1-second buckets per key) at test speed: 100 per bucket instead of 5.
    bed = await startTestbed({
      rateLimits: { rules: [{ path: '/**', limit: 100, intervalMs: 1_000, window: 'fixed' }], includeDefaults: false },
    })
    // The client starts from the documented 5 per second and learns the 100 from the first answers.
    const client = bed.clientWith({ rateLimit: undefined })
    const productId = (await client.seller.products.list({ limit: 1 })).data[0]?._id ?? ''
    const results = await Promise.all(Array.from({ length: 200 }, () => client.seller.products.get(productId)))
    expect(results).toHaveLength(200)
    expect(bed.emulator.requests.filter((request) => request.status === 429)).toEqual([])
    expect(client.stats()).toMatchObject({ requests: 201, tooManyRequests: 0, retries: 0, throttled: 0 })
    expect(client.limiter?.stats().throttledTotal).toBeGreaterThan(0)
  })

  it('waits out a 429 and retries it when something else used the bucket', async () => {
    bed = await startTestbed({
      rateLimits: { rules: [{ path: '/**', limit: 2, intervalMs: 1_000, window: 'fixed' }], includeDefaults: false },
    })
    // Another process with the same key used the bucket: this client cannot know until the 429.
    const other = bed.clientWith({ rateLimit: false })
    await Promise.all([other.partners.list(), other.partners.list()])
    const client = bed.clientWith({ rateLimit: undefined })
    const page = await client.partners.list()
    expect(page.data.length).toBeGreaterThan(0)
    expect(client.stats()).toMatchObject({ tooManyRequests: 1, retries: 1 })
  })

  it('gives up with a TooManyRequestsError once the retries are spent', async () => {
    bed = await startTestbed({
      rateLimits: { rules: [{ path: '/**', limit: 1, intervalMs: 1_000, window: 'fixed' }], includeDefaults: false },
    })
    const client = bed.clientWith({ rateLimit: false, retry: 0 })
    await client.partners.list()
    const error = await client.partners.list().catch((caught: unknown) => caught)
    expect(isTooManyRequestsError(error)).toBe(true)
    expect(error).toMatchObject({ status: 429, retryAfterMs: 1_000 })
    expect((error as { requestId?: string }).requestId).toBe(bed.emulator.requests.at(-1)?.requestId)
  })
})
