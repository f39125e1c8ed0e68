import { RateLimiter, type RateLimitStore, type SlotResult } from '@b2bkit/rate-limit'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { bucketKeys } from './internal/key-layout.js'
import { redisRateLimitStore } from './redis-rate-limit-store.js'
import type { RedisRateLimitStoreOptions } from './redis-rate-limit-store-options.js'
import { isRedisStoreError } from './redis-store-error.js'
import { startSlidingWindowServer } from './test-support/sliding-window-server.js'
import { connectTestRedis, deleteKeysUnder, keysUnder, uniqueKeyPrefix } from './test-support/test-redis.js'

const rule = { limit: 2, intervalMs: 1000, leaseMs: 10_000 }
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

function slotIdOf(result: SlotResult): string {
  if (!result.granted) throw new Error(`expected a slot, got ${result.reason}`)
  return result.slotId
}

describe('redisRateLimitStore', () => {
  const connections: Redis[] = []
  const keyPrefix = uniqueKeyPrefix('rate-limit-store')
  let prefixCount = 0
  /** One store per connection over one fresh key space: as `connections.length` processes share a bucket. */
  const stores = (options: RedisRateLimitStoreOptions = {}): RateLimitStore[] => {
    const shared = { ...options, keyPrefix: `${keyPrefix}${++prefixCount}:` }
    return connections.map((connection) => redisRateLimitStore(connection, shared))
  }
  const currentPrefix = () => `${keyPrefix}${prefixCount}:`

  beforeAll(async () => {
    connections.push(await connectTestRedis(), await connectTestRedis(), await connectTestRedis())
  })
  afterAll(async () => {
    const [first] = connections
    if (first) {
      await deleteKeysUnder(first, keyPrefix)
      expect(await keysUnder(first, keyPrefix)).toEqual([])
    }
    for (const connection of connections) connection.disconnect()
  })

  test('grants exactly the limit when 60 acquires from three connections race for one bucket', async () => {
    const shared = stores()
    const now = Date.now()
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        shared[index % 3]?.acquire('race', { now, limit: 10, intervalMs: 60_000, leaseMs: 60_000 }),
      ),
    )
    const granted = results.filter((result) => result?.granted)
    expect(granted).toHaveLength(10)
    expect(new Set(granted.map((result) => result?.granted && result.slotId)).size).toBe(10)
    expect(results.filter((result) => result?.granted === false && result.reason === 'budget')).toHaveLength(50)
  })

  test('dates slots on Redis time, so machines whose clocks are an hour apart share one timeline', async () => {
    const [onTime, behind] = stores()
    if (!onTime || !behind) throw new Error('two stores expected')
    const hourMs = 3_600_000
    const now = Date.now()
    for (const store of [onTime, onTime]) {
      const slotId = slotIdOf(await store.acquire('skew', { now, ...rule }))
      await store.settle('skew', slotId, { now, limit: 2, intervalMs: 1000 })
    }
    // The machine whose clock is an hour behind sees the same full bucket, and its answers are on its own clock.
    const denied = await behind.acquire('skew', { now: now - hourMs, ...rule })
    expect(denied).toMatchObject({ granted: false, reason: 'budget' })
    if (denied.granted) return
    expect(denied.waitMs).toBeGreaterThan(500)
    expect(denied.waitMs).toBeLessThanOrEqual(1000)
    expect(denied.snapshot.resetAt).toBeGreaterThan(now - hourMs + 500)
    expect(denied.snapshot.resetAt).toBeLessThanOrEqual(Date.now() - hourMs + 1000)
    // A pause it sets (from a 429 on its clock) reaches the other machine on that one's clock.
    await behind.settle('skew', 'gone', {
      now: now - hourMs,
      limit: 2,
      intervalMs: 1000,
      pauseUntil: now - hourMs + 5_000,
    })
    const snapshot = await onTime.snapshot('skew', { now, limit: 2, intervalMs: 1000 })
    expect(snapshot.pausedUntil).toBeGreaterThan(now + 4_000)
    expect(snapshot.pausedUntil).toBeLessThanOrEqual(Date.now() + 5_000)
  })

  test("lets a bucket's keys expire once nothing in them counts any more", async () => {
    const [store] = stores({ idleTtlMs: 50 })
    if (!store) throw new Error('a store expected')
    const now = Date.now()
    const slotId = slotIdOf(await store.acquire('idle', { now, limit: 2, intervalMs: 100, leaseMs: 10_000 }))
    await store.settle('idle', slotId, {
      now,
      limit: 2,
      intervalMs: 100,
      budget: { present: true, limit: 2, remaining: 1, resetAt: undefined, windowMs: 100 },
    })
    const [state, , , settled] = bucketKeys(currentPrefix(), 'idle')
    const [, first] = connections
    for (const key of [state, settled]) {
      const ttlMs = await first?.pttl(key ?? '')
      expect(ttlMs).toBeGreaterThan(0)
      expect(ttlMs).toBeLessThanOrEqual(150)
    }
    await sleep(400)
    expect(await keysUnder(first as Redis, currentPrefix())).toEqual([])
  })

  test('fails with a command error naming the operation when a bucket key holds something else', async () => {
    const [store] = stores()
    await connections[0]?.set(bucketKeys(currentPrefix(), 'odd')[1] ?? '', 'a string, not a sorted set')
    const error = await store?.acquire('odd', { now: Date.now(), ...rule }).catch((caught: unknown) => caught)
    expect(isRedisStoreError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'REDIS_COMMAND_FAILED', operation: 'rateLimit.acquire' })
  })

  test('keeps three limiters on three connections under a sliding-window server, at nearly its full rate', async () => {
    const server = await startSlidingWindowServer(10, 400)
    try {
      const limiters = stores().map(
        (store) => new RateLimiter({ rules: [{ path: '/items', limit: 10, intervalMs: 400 }], store }),
      )
      const startedAt = Date.now()
      const statuses = await Promise.all(
        Array.from({ length: 60 }, async (_, index) => {
          const limiter = limiters[index % 3] as RateLimiter
          const url = `${server.url}/items`
          const response = await limiter.schedule({ method: 'GET', url }, () => fetch(url))
          await response.body?.cancel()
          return response.status
        }),
      )
      const elapsedMs = Date.now() - startedAt
      expect(statuses.every((status) => status === 200)).toBe(true)
      expect(server.rejected).toEqual([])
      expect(server.accepted).toHaveLength(60)
      expect(server.busiestWindow()).toBeLessThanOrEqual(10)
      // Six windows' worth of requests: the first ten go at once, then ten per window and a round trip.
      expect(elapsedMs).toBeGreaterThanOrEqual(5 * 400)
      expect(elapsedMs).toBeLessThan(5 * 400 + 2_500)
    } finally {
      await server.close()
    }
  })

  test('names the wrong option when it is built', () => {
    const [redis] = connections as [Redis]
    const cases: [RedisRateLimitStoreOptions, string][] = [
      [{ keyPrefix: 'app{x}:' }, 'keyPrefix'],
      [{ timeSource: 'local' as 'redis' }, 'timeSource'],
      [{ idleTtlMs: 0 }, 'idleTtlMs'],
      [{ commandTimeoutMs: 1.5 }, 'commandTimeoutMs'],
      [{ fallback: 'local' }, 'fleetSize'],
      [{ fallback: 'local', fleetSize: 0 }, 'fleetSize'],
      [{ fallback: 'maybe' as 'local' }, 'fallback'],
    ]
    for (const [options, option] of cases) {
      expect(() => redisRateLimitStore(redis, options)).toThrow(
        expect.objectContaining({ code: 'CONFIGURATION', option, message: expect.stringContaining(`"${option}"`) }),
      )
    }
    expect(() => redisRateLimitStore({} as Redis)).toThrow(expect.objectContaining({ option: 'redis' }))
  })
})
