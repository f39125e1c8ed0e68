import { afterEach, describe, expect, it } from 'vitest'
import { type SieSmartTestbed, startTestbed } from './internal/test-support.js'

let bed: SieSmartTestbed | undefined
afterEach(async () => {
  await bed?.emulator.stop()
  bed = undefined
})

const burst = (count: number) => Promise.all(Array.from({ length: count }, () => bed?.client.config.offices.list()))

describe('the 24 h token', () => {
  it('is fetched once when 500 calls start together, and refreshed once, before it expires, a day later', async () => {
    let now = Date.now()
    const clock = { now: () => now }
    bed = await startTestbed({ clock })
    bed.client = bed.clientWith({ clock })
    await burst(500)
    expect(bed.emulator.tokenRequestCount).toBe(1)
    now += 86_400_000 - 5_000 // five seconds before the token's expiry: inside the refresh margin
    await burst(500)
    expect(bed.emulator.tokenRequestCount).toBe(2)
    // Nobody was refused: the new token came before the old one ran out.
    expect(bed.emulator.requests.filter((request) => request.status === 401)).toEqual([])
    expect(bed.client.stats()).toMatchObject({ requests: 1_000, tokenRequests: 2, retries: 0 })
  })

  it('is refreshed once when the API refuses it under 100 concurrent calls, and every call succeeds', async () => {
    bed = await startTestbed()
    await burst(1)
    bed.emulator.expireTokens()
    const results = await burst(100)
    expect(results.every((offices) => Array.isArray(offices))).toBe(true)
    expect(bed.emulator.tokenRequestCount).toBe(2)
    expect(bed.emulator.requests.filter((request) => request.status === 401)).toHaveLength(100)
    expect(bed.client.stats()).toMatchObject({ tokenRequests: 2, retries: 100 })
  })
})
