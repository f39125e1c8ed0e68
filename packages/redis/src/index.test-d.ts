import { clientCredentials, type TokenStore } from '@b2bkit/auth'
import { RateLimiter, type RateLimitStore } from '@b2bkit/rate-limit'
import { type Cluster, Redis } from 'ioredis'
import { describe, expectTypeOf, test } from 'vitest'
import {
  isRedisStoreError,
  type RedisClient,
  type RedisRateLimitStoreOptions,
  type RedisStoreError,
  type RedisStoreErrorCode,
  type RedisTokenStoreOptions,
  redisRateLimitStore,
  redisTokenStore,
} from './index.js'

describe('the public types', () => {
  test('take an ioredis Redis or Cluster as the client', () => {
    expectTypeOf<Redis>().toExtend<RedisClient>()
    expectTypeOf<Cluster>().toExtend<RedisClient>()
    expectTypeOf(redisTokenStore).parameter(0).toEqualTypeOf<RedisClient>()
    // @ts-expect-error a plain object is not a client
    redisTokenStore({ get: () => undefined })
  })

  test('give the stores @b2bkit/auth and @b2bkit/rate-limit take', () => {
    const redis = new Redis({ lazyConnect: true })
    expectTypeOf(redisTokenStore(redis)).toEqualTypeOf<TokenStore>()
    expectTypeOf(redisRateLimitStore(redis)).toEqualTypeOf<RateLimitStore>()
    expectTypeOf(clientCredentials).parameter(0).toHaveProperty('store').toEqualTypeOf<TokenStore | undefined>()
    expectTypeOf(new RateLimiter({ store: redisRateLimitStore(redis) })).toEqualTypeOf<RateLimiter>()
  })

  test('type every option, and refuse the wrong ones', () => {
    expectTypeOf<RedisTokenStoreOptions>().toEqualTypeOf<{
      keyPrefix?: string | undefined
      commandTimeoutMs?: number | undefined
      pollIntervalMs?: number | undefined
    }>()
    expectTypeOf<RedisRateLimitStoreOptions['timeSource']>().toEqualTypeOf<'redis' | 'caller' | undefined>()
    expectTypeOf<RedisRateLimitStoreOptions['fallback']>().toEqualTypeOf<'error' | 'local' | undefined>()
    const redis = new Redis({ lazyConnect: true })
    // @ts-expect-error not a time source
    redisRateLimitStore(redis, { timeSource: 'local' })
    // @ts-expect-error milliseconds are numbers
    redisTokenStore(redis, { commandTimeoutMs: '2s' })
  })

  test('narrow errors to RedisStoreError with its stable codes', () => {
    expectTypeOf<RedisStoreErrorCode>().toEqualTypeOf<'REDIS_UNAVAILABLE' | 'REDIS_TIMEOUT' | 'REDIS_COMMAND_FAILED'>()
    const error: unknown = new Error('x')
    if (isRedisStoreError(error)) {
      expectTypeOf(error).toEqualTypeOf<RedisStoreError>()
      expectTypeOf(error.code).toEqualTypeOf<RedisStoreErrorCode>()
      expectTypeOf(error.operation).toEqualTypeOf<string>()
      expectTypeOf(error.name).toEqualTypeOf<'RedisStoreError'>()
    }
  })
})
