import { once } from 'node:events'
import { clientCredentials } from '@b2bkit/auth'
import { RateLimiter } from '@b2bkit/rate-limit'
import { Redis, type RedisOptions } from 'ioredis'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { redisRateLimitStore } from './redis-rate-limit-store.js'
import { isRedisStoreError } from './redis-store-error.js'
import { redisTokenStore } from './redis-token-store.js'
import { startSlidingWindowServer } from './test-support/sliding-window-server.js'
import { closedPort, startTcpProxy } from './test-support/tcp-proxy.js'
import { connectTestRedis, deleteKeysUnder, redisUrl, uniqueKeyPrefix } from './test-support/test-redis.js'

// Redis that is down must give a clear error (or, when asked for, local limits): never a request sent unlimited,
// never a hang.

// ioredis 6's constructor wants `replyMapping` without `| undefined`, which RedisOptions has (exactOptionalPropertyTypes).
type ConnectionOptions = Omit<RedisOptions, 'replyMapping'>

const clients: Redis[] = []
function client(port: number, options: ConnectionOptions): Redis {
  const redis = new Redis(port, '127.0.0.1', options)
  redis.on('error', () => undefined) // reconnection noise; the stores report what matters
  clients.push(redis)
  return redis
}
afterEach(() => {
  for (const redis of clients.splice(0)) redis.disconnect()
})

const failFast: ConnectionOptions = { maxRetriesPerRequest: 1, connectTimeout: 500, retryStrategy: () => 100 }

describe('with nothing listening on the Redis port', () => {
  test('fails a rate-limited request with REDIS_UNAVAILABLE before it is sent', async () => {
    const server = await startSlidingWindowServer(10, 1000)
    try {
      const store = redisRateLimitStore(client(await closedPort(), failFast))
      const limiter = new RateLimiter({ rules: [{ path: '/items', limit: 10, intervalMs: 1000 }], store })
      const url = `${server.url}/items`
      const startedAt = Date.now()
      const error = await limiter.schedule({ method: 'GET', url }, () => fetch(url)).catch((caught: unknown) => caught)
      expect(isRedisStoreError(error)).toBe(true)
      expect(error).toMatchObject({ code: 'REDIS_UNAVAILABLE', operation: 'rateLimit.acquire' })
      expect(Date.now() - startedAt).toBeLessThan(2_000)
      expect(server.accepted).toEqual([])
    } finally {
      await server.close()
    }
  })

  test('gives up after commandTimeoutMs even with a client that would queue commands forever', async () => {
    const forever: ConnectionOptions = { maxRetriesPerRequest: null, retryStrategy: () => 100 }
    const store = redisRateLimitStore(client(await closedPort(), forever), { commandTimeoutMs: 300 })
    const startedAt = Date.now()
    const error = await store
      .acquire('bucket', { now: Date.now(), limit: 1, intervalMs: 1000, leaseMs: 1000 })
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'REDIS_TIMEOUT', message: expect.stringContaining('300 ms') })
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250)
    expect(Date.now() - startedAt).toBeLessThan(2_000)
  })

  test('fails getToken with the store error and never asks the token endpoint', async () => {
    let tokenRequests = 0
    const tokens = clientCredentials({
      tokenUrl: 'http://127.0.0.1:9/token',
      clientId: 'shop',
      clientSecret: 'shop-secret-value',
      authMethod: 'basic',
      store: redisTokenStore(client(await closedPort(), failFast)),
      fetch: async () => {
        tokenRequests++
        return new Response('{}', { status: 500 })
      },
    })
    const error = await tokens.getToken().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'RedisStoreError', code: 'REDIS_UNAVAILABLE', operation: 'token.get' })
    expect(JSON.stringify(error)).not.toContain('shop-secret-value')
    expect(tokenRequests).toBe(0)
  })
})

describe("with fallback: 'local'", () => {
  let redis: Redis
  const keyPrefix = uniqueKeyPrefix('fallback')
  beforeAll(async () => {
    redis = await connectTestRedis()
  })
  afterAll(async () => {
    await deleteKeysUnder(redis, keyPrefix)
    redis.disconnect()
  })

  test("holds the process to its share of the budget while Redis is away, and returns to Redis's when it is back", async () => {
    const target = new URL(redisUrl)
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) })
    const warnings: string[] = []
    const options = { keyPrefix, fallback: 'local' as const, fleetSize: 4, fallbackRecheckMs: 100 }
    const connection = client(proxy.port, { ...failFast, enableOfflineQueue: false })
    await once(connection, 'ready')
    const store = redisRateLimitStore(connection, {
      ...options,
      logger: { warn: (message) => warnings.push(message) },
    })
    const bucket = { limit: 8, intervalMs: 60_000, leaseMs: 60_000 }
    const acquire = () => store.acquire('orders', { now: Date.now(), ...bucket })
    const slotIdOf = async () => {
      const result = await acquire()
      return result.granted ? result.slotId : result.reason
    }
    try {
      expect(await slotIdOf()).toMatch(/^\d+:/) // shared, through the proxy
      await proxy.down()
      // 8 per window shared by 4 processes: this one may send 2 while it cannot see the others.
      const local = [await slotIdOf(), await slotIdOf(), await slotIdOf()]
      expect(local).toEqual([expect.stringMatching(/^local:/), expect.stringMatching(/^local:/), 'budget'])
      expect(warnings).toEqual([expect.stringContaining('limiting this process to 1/4 of each budget')])
      await store.settle('orders', local[0] ?? '', { now: Date.now(), limit: 8, intervalMs: 60_000 })
      await proxy.up()
      await expect.poll(slotIdOf, { timeout: 5_000, interval: 150 }).toMatch(/^\d+:/)
      expect(warnings.at(-1)).toContain('back to the shared budget')
      // The shared bucket holds the slots taken through Redis, not the local ones.
      const snapshot = await redisRateLimitStore(redis, { keyPrefix }).snapshot('orders', {
        now: Date.now(),
        ...bucket,
      })
      expect(snapshot.inFlight).toBe(2)
    } finally {
      await proxy.down()
    }
  })
})
