import { inspect } from 'node:util'
import { clientCredentials, type StoredToken, type TokenStore } from '@b2bkit/auth'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { tokenKeys } from './internal/key-layout.js'
import type { RedisClient } from './redis-client.js'
import { isRedisStoreError, RedisStoreError } from './redis-store-error.js'
import { redisTokenStore } from './redis-token-store.js'
import { connectTestRedis, deleteKeysUnder, keysUnder, uniqueKeyPrefix } from './test-support/test-redis.js'
import { startTokenServer } from './test-support/token-server.js'

const token = (accessToken: string, lifetimeMs = 300_000): StoredToken => ({
  accessToken,
  tokenType: 'Bearer',
  issuedAt: 1_000,
  expiresAt: 1_000 + lifetimeMs,
})
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

describe('redisTokenStore', () => {
  let redis: Redis
  let other: Redis // a second connection, as a second process would have
  const keyPrefix = uniqueKeyPrefix('token-store')
  let storeCount = 0
  /** Two views of one fresh key space: as two processes on two connections see it. */
  const stores = (): [TokenStore, TokenStore] => {
    const options = { keyPrefix: `${keyPrefix}${++storeCount}:`, pollIntervalMs: 20 }
    return [redisTokenStore(redis, options), redisTokenStore(other, options)]
  }

  beforeAll(async () => {
    redis = await connectTestRedis()
    other = await connectTestRedis()
  })
  afterAll(async () => {
    await deleteKeysUnder(redis, keyPrefix)
    expect(await keysUnder(redis, keyPrefix)).toEqual([])
    redis.disconnect()
    other.disconnect()
  })

  test('keeps one token per key, shared by every connection, and lets it expire with the token', async () => {
    const [first, second] = stores()
    await first.set('a', { ...token('one'), scope: 'retailer' }, 301_000)
    await first.set('b', token('two', 2_000), 3_000)
    expect(await second.get('a')).toEqual({ ...token('one'), scope: 'retailer' })
    expect((await second.get('b'))?.accessToken).toBe('two')
    expect(await second.get('c')).toBeUndefined()
    const { token: key } = tokenKeys(`${keyPrefix}${storeCount}:`, 'b')
    const ttlMs = await redis.pttl(key)
    expect(ttlMs).toBeGreaterThan(1_000)
    expect(ttlMs).toBeLessThanOrEqual(2_000)
  })

  test('deletes only the named token when one is given, atomically', async () => {
    const [first, second] = stores()
    await first.set('a', token('new'), 301_000)
    await second.delete('a', 'old')
    expect((await first.get('a'))?.accessToken).toBe('new')
    await second.delete('a', 'new')
    expect(await first.get('a')).toBeUndefined()
    await first.set('a', token('any'), 301_000)
    await second.delete('a')
    expect(await first.get('a')).toBeUndefined()
  })

  test('reads a value it did not write as no token, so the source fetches a new one', async () => {
    const [store] = stores()
    const { token: key } = tokenKeys(`${keyPrefix}${storeCount}:`, 'a')
    for (const junk of ['not json', '{"accessToken":42}', '[]', '{"accessToken":"x","tokenType":"Bearer"}']) {
      await redis.set(key, junk)
      expect(await store.get('a')).toBeUndefined()
    }
  })

  test('gives the lock to one holder at a time until release or the end of the lease', async () => {
    const [first, second] = stores()
    const release = await first.lock?.('a', 10_000)
    expect(release).toBeTypeOf('function')
    expect(await second.lock?.('a', 10_000)).toBeNull()
    expect(await second.lock?.('b', 10_000)).toBeTypeOf('function')
    await release?.()
    const short = await second.lock?.('a', 100)
    expect(short).toBeTypeOf('function')
    await sleep(300) // the holder "died": its 100 ms lease is over
    const third = await first.lock?.('a', 10_000)
    expect(third).toBeTypeOf('function')
    await short?.() // a stale holder's release does not free the new holder's lock
    expect(await second.lock?.('a', 10_000)).toBeNull()
  })

  test('hands every waiter the token the holder stores', async () => {
    const [holder, waiter] = stores()
    await holder.set('a', token('stale'), 301_000)
    const release = await holder.lock?.('a', 10_000)
    const waiting = [waiter.waitForToken?.('a', 5_000), waiter.waitForToken?.('a', 5_000)]
    await sleep(50)
    await holder.set('a', token('fresh'), 301_000)
    await release?.()
    expect((await Promise.all(waiting)).map((stored) => stored?.accessToken)).toEqual(['fresh', 'fresh'])
  })

  test('stops waiting as soon as the lock is gone, with whatever is stored', async () => {
    const [holder, waiter] = stores()
    expect(await waiter.waitForToken?.('a', 5_000)).toBeUndefined() // nobody holds the lock: no wait at all
    await holder.lock?.('a', 300) // a holder that dies and never releases
    const startedAt = Date.now()
    expect(await waiter.waitForToken?.('a', 10_000)).toBeUndefined()
    const waitedMs = Date.now() - startedAt
    expect(waitedMs).toBeGreaterThanOrEqual(150)
    expect(waitedMs).toBeLessThan(3_000) // the lease (300 ms), not the 10 s timeout
  })

  test('gives up waiting after the timeout while the lock is still held', async () => {
    const [holder, waiter] = stores()
    await holder.lock?.('a', 10_000)
    expect(await waiter.waitForToken?.('a', 100)).toBeUndefined()
  })

  test('lets two token sources on two connections share one token request between 400 callers', async () => {
    const server = await startTokenServer()
    try {
      const [first, second] = stores()
      const options = {
        tokenUrl: server.tokenUrl,
        clientId: 'shop',
        clientSecret: 'shop-secret-value',
        authMethod: 'basic' as const,
      }
      const sources = [
        clientCredentials({ ...options, store: first }),
        clientCredentials({ ...options, store: second }),
      ]
      const tokens = await Promise.all(
        Array.from({ length: 400 }, (_, index) => sources[index % 2]?.getToken() ?? Promise.reject()),
      )
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.authorization).toBe(`Basic ${btoa('shop:shop-secret-value')}`)
      expect(new Set(tokens)).toEqual(new Set(server.issued))
    } finally {
      await server.close()
    }
  })

  test('fails with a command error when the key holds something else, and names the operation', async () => {
    const [store] = stores()
    await redis.hset(tokenKeys(`${keyPrefix}${storeCount}:`, 'a').token, 'field', 'value')
    const error = await store.get('a').catch((caught: unknown) => caught)
    expect(isRedisStoreError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'REDIS_COMMAND_FAILED', operation: 'token.get', name: 'RedisStoreError' })
    expect((error as Error).message).toMatch(/WRONGTYPE/)
  })

  test('keeps the token out of errors even when Redis echoes it and the client attaches the command', async () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.secret-token'
    // A stand-in client shaped like ioredis's failure: the message echoes an argument, and `command` holds them all.
    const failing: RedisClient = {
      eval: async () => undefined,
      evalsha: async (_sha, _count, ...args) => {
        const error = Object.assign(new Error(`ERR something about ${args.join(' ')}`), {
          name: 'ReplyError',
          command: { name: 'evalsha', args },
        })
        throw error
      },
    }
    const error = await redisTokenStore(failing)
      .set('a', token(secret), 301_000)
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RedisStoreError)
    const views = [
      (error as Error).message,
      JSON.stringify(error),
      inspect(error, { depth: 5, showHidden: true }),
      inspect((error as Error).cause, { depth: 5, showHidden: true }),
    ]
    for (const view of views) expect(view).not.toContain(secret)
    expect((error as Error).message).toContain('[REDACTED]')
  })
})
