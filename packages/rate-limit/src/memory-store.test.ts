import { describe, expect, test } from 'vitest'
import { MemoryRateLimitStore } from './memory-store.js'
import type { BudgetReport, SlotReport, SlotResult } from './store.js'

const rule = { limit: 2, intervalMs: 1000, leaseMs: 10_000 }
const unknown = { limit: undefined, intervalMs: undefined, leaseMs: 10_000 }

function slotIdOf(result: SlotResult): string {
  if (!result.granted) throw new Error(`expected a slot, got ${result.reason}`)
  return result.slotId
}

function budget(values: Partial<BudgetReport>): BudgetReport {
  return { present: true, limit: undefined, remaining: undefined, resetAt: undefined, windowMs: undefined, ...values }
}

/** What settling a slot of `bucket` at `now` reports, with what the headers said when `headers` is given. */
function report(
  bucket: { limit: number; intervalMs: number },
  now: number,
  headers?: Partial<BudgetReport>,
): SlotReport {
  return { now, limit: bucket.limit, intervalMs: bucket.intervalMs, budget: headers && budget(headers) }
}

describe('MemoryRateLimitStore', () => {
  test('counts a slot from before its request is sent until a full window after its response arrived', async () => {
    const store = new MemoryRateLimitStore()
    const first = slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    // Both slots are in flight: the third waits, whatever time it is.
    expect(await store.acquire('r', { now: 5000, ...rule })).toMatchObject({ granted: false, reason: 'budget' })
    await store.settle('r', first, report(rule, 5000))
    // Dated by its response at 5000, the first slot still counts at 5999 and is free at 6000.
    expect(await store.acquire('r', { now: 5999, ...rule })).toMatchObject({ granted: false, waitMs: 1 })
    expect(await store.acquire('r', { now: 6000, ...rule })).toMatchObject({ granted: true })
  })

  test('says how long to wait until the earliest slot frees', async () => {
    const store = new MemoryRateLimitStore()
    const ids = [
      slotIdOf(await store.acquire('r', { now: 0, ...rule })),
      slotIdOf(await store.acquire('r', { now: 0, ...rule })),
    ]
    await store.settle('r', ids[0] ?? '', { now: 100, limit: 2, intervalMs: 1000 })
    await store.settle('r', ids[1] ?? '', { now: 300, limit: 2, intervalMs: 1000 })
    expect(await store.acquire('r', { now: 400, ...rule })).toMatchObject({ granted: false, waitMs: 700 })
  })

  test('frees slots in the order they expire, when a shorter window comes to apply after a longer one', async () => {
    const store = new MemoryRateLimitStore()
    const slow = { limit: 2, intervalMs: 5000, leaseMs: 10_000 }
    const first = slotIdOf(await store.acquire('r', { now: 0, ...slow }))
    const second = slotIdOf(await store.acquire('r', { now: 0, ...slow }))
    // Answered at 100 under a 5 s window (counts until 5100), then at 200 under a 1 s one (counts until 1200).
    await store.settle('r', first, { now: 100, limit: 2, intervalMs: 5000 })
    await store.settle('r', second, { now: 200, limit: 2, intervalMs: 1000 })
    const fast = { ...slow, intervalMs: 1000 }
    expect(await store.acquire('r', { now: 1000, ...fast })).toMatchObject({ granted: false, waitMs: 200 })
    expect(await store.acquire('r', { now: 1200, ...fast })).toMatchObject({ granted: true })
    expect(await store.snapshot('r', { now: 1200, limit: 2, intervalMs: 1000 })).toMatchObject({
      remaining: 0,
      inFlight: 1,
      resetAt: 5100,
    })
  })

  test('treats an unanswered request as answered when its lease ends', async () => {
    const store = new MemoryRateLimitStore()
    slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    expect(await store.acquire('r', { now: 10_999, ...rule })).toMatchObject({ granted: false })
    expect(await store.acquire('r', { now: 11_000, ...rule })).toMatchObject({ granted: true })
  })

  test('frees a released slot at once', async () => {
    const store = new MemoryRateLimitStore()
    const first = slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    await store.release('r', first)
    expect(await store.acquire('r', { now: 0, ...rule })).toMatchObject({ granted: true })
  })

  test('pauses the bucket after a 429 until the given time, and never shortens a pause', async () => {
    const store = new MemoryRateLimitStore()
    const id = slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    await store.settle('r', id, { now: 10, limit: 2, intervalMs: 1000, pauseUntil: 5000 })
    await store.settle('r', 'gone', { now: 20, limit: 2, intervalMs: 1000, pauseUntil: 3000 })
    expect(await store.acquire('r', { now: 4999, ...rule })).toMatchObject({
      granted: false,
      reason: 'paused',
      waitMs: 1,
    })
    expect(await store.acquire('r', { now: 5000, ...rule })).toMatchObject({ granted: true })
  })

  test('lets one request find out the budget of an unknown bucket, then follows what its answer said', async () => {
    const store = new MemoryRateLimitStore()
    const probe = slotIdOf(await store.acquire('u', { now: 0, ...unknown }))
    expect(await store.acquire('u', { now: 0, ...unknown })).toMatchObject({ granted: false, reason: 'probe' })
    await store.settle('u', probe, {
      now: 50,
      limit: undefined,
      intervalMs: undefined,
      budget: budget({ limit: 3, remaining: 2, resetAt: 2000 }),
    })
    expect(await store.acquire('u', { now: 60, ...unknown })).toMatchObject({ granted: true })
    expect(await store.acquire('u', { now: 60, ...unknown })).toMatchObject({ granted: true })
    expect(await store.acquire('u', { now: 60, ...unknown })).toMatchObject({
      granted: false,
      reason: 'budget',
      waitMs: 1940,
    })
  })

  test('marks an unknown bucket unlimited when an answer carries no rate-limit header', async () => {
    const store = new MemoryRateLimitStore()
    const probe = slotIdOf(await store.acquire('u', { now: 0, ...unknown }))
    await store.settle('u', probe, {
      now: 5,
      limit: undefined,
      intervalMs: undefined,
      budget: budget({ present: false }),
    })
    for (let index = 0; index < 50; index++) {
      expect(await store.acquire('u', { now: 5, ...unknown })).toMatchObject({ granted: true })
    }
  })

  test('learns a limit and a window that replace the configured ones', async () => {
    const store = new MemoryRateLimitStore()
    const id = slotIdOf(await store.acquire('r', { now: 0, ...rule }))
    const snapshot = await store.settle('r', id, report(rule, 10, { limit: 4, windowMs: 500, remaining: 3 }))
    expect(snapshot).toMatchObject({ limit: 4, intervalMs: 500, remaining: 3 })
    for (let index = 0; index < 3; index++) expect((await store.acquire('r', { now: 20, ...rule })).granted).toBe(true)
    expect((await store.acquire('r', { now: 20, ...rule })).granted).toBe(false)
  })

  test('caps the bucket only when the server counted more than this bucket sent', async () => {
    const store = new MemoryRateLimitStore()
    const bucket = { limit: 10, intervalMs: 1000, leaseMs: 10_000 }
    // The server counted our one request and nothing else: the log is enough, no cap.
    const first = slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    let snapshot = await store.settle('r', first, report(bucket, 5, { remaining: 9, resetAt: 900 }))
    expect(snapshot.remaining).toBe(9)
    // Now it says four are left: five requests of someone else. Only four more may go until its reset.
    const second = slotIdOf(await store.acquire('r', { now: 10, ...bucket }))
    snapshot = await store.settle('r', second, report(bucket, 15, { remaining: 2, resetAt: 900 }))
    expect(snapshot.remaining).toBe(2)
    expect((await store.acquire('r', { now: 20, ...bucket })).granted).toBe(true)
    expect((await store.acquire('r', { now: 20, ...bucket })).granted).toBe(true)
    expect(await store.acquire('r', { now: 20, ...bucket })).toMatchObject({
      granted: false,
      reason: 'budget',
      waitMs: 880,
    })
    // After the server's reset the cap is gone and the log decides again.
    expect((await store.acquire('r', { now: 900, ...bucket })).granted).toBe(true)
  })

  test('does not cap on a late answer whose count includes slots that stopped counting since it was sent', async () => {
    const store = new MemoryRateLimitStore()
    const bucket = { limit: 2, intervalMs: 1000, leaseMs: 10_000 }
    const fast = slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    const slow = slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    await store.settle('r', fast, report(bucket, 10))
    // The slow answer arrives after the fast slot stopped counting, reporting the count made when both had arrived.
    const snapshot = await store.settle('r', slow, report(bucket, 1020, { remaining: 0, resetAt: 2000 }))
    expect(snapshot.remaining).toBe(1)
    expect((await store.acquire('r', { now: 1020, ...bucket })).granted).toBe(true)
  })

  test('counts requests still in flight against a cap, since the server may not have counted them yet', async () => {
    const store = new MemoryRateLimitStore()
    const bucket = { limit: 10, intervalMs: 1000, leaseMs: 10_000 }
    const reporter = slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    slotIdOf(await store.acquire('r', { now: 0, ...bucket }))
    const snapshot = await store.settle('r', reporter, report(bucket, 5, { remaining: 4, resetAt: 800 }))
    expect(snapshot).toMatchObject({ remaining: 2, inFlight: 2 })
  })

  test('keeps the lower count when answers of the same window arrive out of order', async () => {
    const store = new MemoryRateLimitStore()
    const report = (now: number, remaining: number, resetAt: number) => ({
      now,
      limit: undefined,
      intervalMs: undefined,
      budget: budget({ remaining, resetAt }),
    })
    const probe = slotIdOf(await store.acquire('u', { now: 0, ...unknown }))
    await store.settle('u', probe, report(5, 5, 1000))
    const first = slotIdOf(await store.acquire('u', { now: 6, ...unknown }))
    const second = slotIdOf(await store.acquire('u', { now: 6, ...unknown }))
    // The first answer says 3 left while one request is still out: 2 may go.
    expect(await store.settle('u', first, report(7, 3, 1000))).toMatchObject({ remaining: 2 })
    // A later answer that the server counted earlier says 6: the lower count stands.
    expect(await store.settle('u', second, report(8, 6, 1400))).toMatchObject({ remaining: 2, resetAt: 1400 })
  })

  test('keeps each bucket apart', async () => {
    const store = new MemoryRateLimitStore()
    const single = { limit: 1, intervalMs: 1000, leaseMs: 10_000 }
    expect((await store.acquire('a', { now: 0, ...single })).granted).toBe(true)
    expect((await store.acquire('b', { now: 0, ...single })).granted).toBe(true)
    expect((await store.acquire('a', { now: 0, ...single })).granted).toBe(false)
  })
})
