import { describe, expect, it } from 'vitest'
import { RateLimiter, resolveRateLimitRules } from './rate-limiter.js'

const fakeClock = (start = 1_000_000) => {
  const clock = { nowMs: start, now: () => clock.nowMs }
  return clock
}

describe('RateLimiter', () => {
  it('counts a sliding window: a slot frees exactly when the oldest request is intervalMs old', () => {
    const clock = fakeClock()
    const limiter = new RateLimiter([{ path: '/orders', limit: 2, intervalMs: 1_000 }], clock)
    expect(limiter.check('GET', '/orders')).toMatchObject({ allowed: true, remaining: 1, resetMs: 1_000 })
    clock.nowMs += 400
    expect(limiter.check('GET', '/orders')).toMatchObject({ allowed: true, remaining: 0, resetMs: 600 })
    expect(limiter.check('GET', '/orders')).toMatchObject({ allowed: false, remaining: 0, resetMs: 600 })
    clock.nowMs += 600
    expect(limiter.check('GET', '/orders')).toMatchObject({ allowed: true, remaining: 0 })
  })

  it('counts fixed buckets aligned to the clock, reset at each boundary', () => {
    const clock = fakeClock(5_000_200)
    const limiter = new RateLimiter([{ path: '/**', limit: 1, intervalMs: 1_000, window: 'fixed' }], clock)
    expect(limiter.check('GET', '/a')).toMatchObject({ allowed: true, resetMs: 800 })
    expect(limiter.check('GET', '/b')?.allowed).toBe(false)
    clock.nowMs += 800
    expect(limiter.check('GET', '/a')?.allowed).toBe(true)
  })

  it('lets the most specific rule count a request: literal segments, then wildcards, then a named method', () => {
    const limiter = new RateLimiter(
      [
        { method: '*', path: '/retailer/**', limit: 1, intervalMs: 1_000 },
        { method: '*', path: '/retailer/orders/*', limit: 2, intervalMs: 1_000 },
        { method: 'GET', path: '/retailer/orders/*', limit: 3, intervalMs: 1_000 },
        { method: 'GET', path: '/retailer/orders', limit: 4, intervalMs: 1_000 },
      ],
      fakeClock(),
    )
    expect(limiter.ruleFor('GET', '/retailer/orders')?.rule.limit).toBe(4)
    expect(limiter.ruleFor('GET', '/retailer/orders/1')?.rule.limit).toBe(3)
    expect(limiter.ruleFor('PUT', '/retailer/orders/1')?.rule.limit).toBe(2)
    expect(limiter.ruleFor('GET', '/retailer/returns')?.rule.limit).toBe(1)
    expect(limiter.ruleFor('GET', '/shared/x')).toBeUndefined()
  })

  it('peeks at the budget without counting', () => {
    const limiter = new RateLimiter([{ path: '/**', limit: 1, intervalMs: 1_000 }], fakeClock())
    expect(limiter.peek('GET', '/x')).toMatchObject({ allowed: true, remaining: 1 })
    expect(limiter.check('GET', '/x')).toMatchObject({ allowed: true, remaining: 0 })
    expect(limiter.peek('GET', '/x')).toMatchObject({ allowed: false, remaining: 0 })
  })

  it('keeps separate counts per client key', () => {
    const limiter = new RateLimiter([{ path: '/**', limit: 1, intervalMs: 1_000 }], fakeClock())
    expect(limiter.check('GET', '/x', 'one')?.allowed).toBe(true)
    expect(limiter.check('GET', '/x', 'two')?.allowed).toBe(true)
    expect(limiter.check('GET', '/x', 'one')?.allowed).toBe(false)
  })
})

describe('resolveRateLimitRules', () => {
  const defaults = [
    { method: 'GET', path: '/a', limit: 1, intervalMs: 1 },
    { method: 'GET', path: '/b', limit: 1, intervalMs: 1 },
  ]

  it('adds given rules to the defaults, replacing a default with the same method and path', () => {
    expect(resolveRateLimitRules(defaults, [{ method: 'get', path: '/a', limit: 9, intervalMs: 9 }])).toEqual([
      { method: 'GET', path: '/b', limit: 1, intervalMs: 1 },
      { method: 'get', path: '/a', limit: 9, intervalMs: 9 },
    ])
  })

  it('turns limits off with false and drops the defaults on request', () => {
    expect(resolveRateLimitRules(defaults, false)).toEqual([])
    expect(resolveRateLimitRules(defaults, { rules: [], includeDefaults: false })).toEqual([])
    expect(resolveRateLimitRules(defaults, undefined)).toEqual(defaults)
  })
})
