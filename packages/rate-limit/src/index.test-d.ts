import type { Plugin } from '@b2bkit/http'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type BucketSnapshot,
  MemoryRateLimitStore,
  type RateLimitedError,
  RateLimiter,
  type RateLimitHeaders,
  type RateLimitRule,
  type RateLimitSlot,
  type RateLimitStats,
  type RateLimitStore,
  rateLimit,
  readRateLimitHeaders,
  type SettleOutcome,
  systemClock,
  type ThrottleEvent,
} from './index.js'

describe('public types', () => {
  test('rateLimit returns a Plugin that carries its limiter', () => {
    const plugin = rateLimit({ rules: [{ method: 'GET', path: '/orders', limit: 7, intervalMs: 180_000 }] })
    expectTypeOf(plugin).toExtend<Plugin>()
    expectTypeOf(plugin.limiter).toEqualTypeOf<RateLimiter>()
    expectTypeOf(rateLimit).toBeCallableWith(new RateLimiter())
    expectTypeOf(rateLimit).toBeCallableWith()
  })

  test('a rule needs a path, a limit and an interval', () => {
    expectTypeOf<{ path: string; limit: number; intervalMs: number }>().toExtend<RateLimitRule>()
    expectTypeOf<{ path: string; limit: number }>().not.toExtend<RateLimitRule>()
  })

  test('the limiter names its events and their payloads', () => {
    const limiter = new RateLimiter({ clock: systemClock, store: new MemoryRateLimitStore() })
    limiter.on('throttle', (event) => expectTypeOf(event).toEqualTypeOf<ThrottleEvent>())
    limiter.on('resume', (event) => expectTypeOf(event.waitedMs).toBeNumber())
    limiter.on('budget', (event) => expectTypeOf(event.limit).toEqualTypeOf<number | undefined>())
    // @ts-expect-error: there is no such event
    limiter.on('drain', () => {})
    expectTypeOf(limiter.on('throttle', () => {})).toEqualTypeOf<() => void>()
    expectTypeOf(limiter.stats()).toEqualTypeOf<RateLimitStats>()
    expectTypeOf(limiter.snapshot('default')).toEqualTypeOf<Promise<BucketSnapshot>>()
  })

  test('a slot settles with a response and says whether the rule was rate limited', () => {
    expectTypeOf<RateLimitSlot['settle']>().parameters.toEqualTypeOf<[response?: Response]>()
    expectTypeOf<RateLimitSlot['settle']>().returns.resolves.toEqualTypeOf<SettleOutcome>()
    const outcome = {} as SettleOutcome
    if (outcome.status === 'rate-limited') expectTypeOf(outcome.action).toEqualTypeOf<'retry' | 'fail'>()
  })

  test('schedule returns what the task returns', () => {
    const limiter = new RateLimiter()
    expectTypeOf(limiter.schedule({ method: 'GET', url: 'https://x/y' }, async () => 42)).toEqualTypeOf<
      Promise<number>
    >()
  })

  test('the memory store is a RateLimitStore, and errors carry when to come back', () => {
    expectTypeOf(new MemoryRateLimitStore()).toExtend<RateLimitStore>()
    expectTypeOf<RateLimitedError['retryAt']>().toBeNumber()
    expectTypeOf<RateLimitedError['code']>().toBeString()
    expectTypeOf(readRateLimitHeaders(new Headers(), 0)).toEqualTypeOf<RateLimitHeaders>()
  })
})
