import { bolDefaultRateLimits } from '@b2bkit/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, emulatorRules, startBol } from './internal/test-support.js'

describe('rate limits', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    // The emulator's own limits are on: bol's rules per method and path, scaled to seconds.
    emulator = await startBol({ seed: 121 })
  })
  afterAll(() => emulator.stop())

  it('sends a burst of 200 mixed calls without a single 429', async () => {
    const bol = clientFor(emulator, { rateLimit: emulatorRules(bolDefaultRateLimits) })
    const orderIds = [...emulator.state.orders.keys()]
    const offerIds = [...emulator.state.offers.keys()]
    const orderItemId = [...emulator.state.orders.values()][0]?.orderItems[0]?.orderItemId ?? ''
    // Each of the emulator's rules gets a little more than it allows in one window, so the limiter must hold some back.
    const calls: Array<() => Promise<unknown>> = [
      ...Array.from({ length: 25 }, () => () => bol.orders.list()),
      ...Array.from({ length: 30 }, (_, index) => () => bol.orders.get(orderIds[index % orderIds.length] ?? '')),
      ...Array.from({ length: 60 }, (_, index) => () => bol.offers.get(offerIds[index % offerIds.length] ?? '')),
      ...Array.from({ length: 30 }, () => () => bol.shipments.list()),
      ...Array.from(
        { length: 25 },
        () => () => bol.processStatus.byEntity({ entityId: orderItemId, eventType: 'CREATE_SHIPMENT' }),
      ),
      ...Array.from({ length: 10 }, () => () => bol.returns.list()),
      ...Array.from({ length: 10 }, () => () => bol.inventory.list()),
      ...Array.from({ length: 10 }, () => () => bol.subscriptions.list()),
    ]
    expect(calls).toHaveLength(200)
    const results = await Promise.allSettled(calls.map((call) => call()))
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    const answered = emulator.requests.filter((request) => request.path !== '/token')
    expect(answered).toHaveLength(200)
    expect(answered.filter((request) => request.status === 429)).toEqual([])
    expect(bol.stats()).toMatchObject({ requests: 200, tooManyRequests: 0, retries: 0, throttled: 0 })
    // The limiter did hold calls back: without it the same burst is refused (below).
    expect(bol.limiter?.stats().throttledTotal).toBeGreaterThan(0)
  })

  it('would have met 429s in the same kind of burst with client-side limiting off', async () => {
    emulator.clearLogs()
    const bol = clientFor(emulator, { rateLimit: false, retry: 0 })
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => bol.orders.list()))
    expect(results.filter((result) => result.status === 'rejected').length).toBeGreaterThan(0)
    expect(bol.stats().tooManyRequests).toBeGreaterThan(0)
  })
})
