import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

describe('bol rate limits', () => {
  let emulator: Emulator<BolState, BolCredentials>
  afterEach(() => emulator.stop())

  it('sends X-RateLimit headers on every response and 429 with Retry-After and a problem when exceeded', async () => {
    emulator = await startBolEmulator({
      rateLimits: [{ method: 'GET', path: '/retailer/orders', limit: 2, intervalMs: 2_000 }],
    })
    const request = bolFetcher(emulator, await bolToken(emulator))
    const first = await request('/retailer/orders')
    expect(first.headers.get('x-ratelimit-limit')).toBe('2')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1')
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0)
    await request('/retailer/orders')
    const limited = await request('/retailer/orders')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await limited.json()).toMatchObject({ status: 429, title: 'Too Many Requests', violations: [] })
  })

  it('counts each request under the most specific rule only', async () => {
    emulator = await startBolEmulator({
      rateLimits: [
        { method: 'GET', path: '/retailer/orders', limit: 1, intervalMs: 5_000 },
        { method: 'GET', path: '/retailer/orders/*', limit: 3, intervalMs: 5_000 },
      ],
    })
    const request = bolFetcher(emulator, await bolToken(emulator))
    const [orderId] = emulator.state.orders.keys()
    expect((await request('/retailer/orders')).status).toBe(200)
    expect((await request('/retailer/orders')).status).toBe(429)
    const single = await request(`/retailer/orders/${orderId}`)
    expect(single.status).toBe(200)
    expect(single.headers.get('x-ratelimit-limit')).toBe('3')
    expect((await request('/retailer/shipments')).headers.get('x-ratelimit-limit')).toBe('25')
  })

  it('frees a slot again once the interval has passed', async () => {
    emulator = await startBolEmulator({
      rateLimits: [{ method: 'GET', path: '/retailer/orders', limit: 1, intervalMs: 300 }],
    })
    const request = bolFetcher(emulator, await bolToken(emulator))
    expect((await request('/retailer/orders')).status).toBe(200)
    expect((await request('/retailer/orders')).status).toBe(429)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect((await request('/retailer/orders')).status).toBe(200)
  })

  it('has no limits and no limit headers with rateLimits: false, and takes new limits at run time', async () => {
    emulator = await startBolEmulator({ rateLimits: false })
    const request = bolFetcher(emulator, await bolToken(emulator))
    const responses = await Promise.all(Array.from({ length: 40 }, () => request('/retailer/orders')))
    expect(responses.every((response) => response.status === 200)).toBe(true)
    expect(responses[0]?.headers.get('x-ratelimit-limit')).toBeNull()
    emulator.setRateLimits({ rules: [{ path: '/retailer/**', limit: 1, intervalMs: 5_000 }], includeDefaults: false })
    expect((await request('/retailer/orders')).status).toBe(200)
    expect((await request('/retailer/returns')).status).toBe(429)
    expect((await request('/shared/process-status/1')).headers.get('x-ratelimit-limit')).toBeNull()
  })
})
