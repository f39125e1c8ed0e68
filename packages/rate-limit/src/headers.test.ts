import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { rateLimitHeaderNames, readRateLimitHeaders } from './headers.js'

const now = 1_750_000_000_000
const read = (headers: Record<string, string>) => readRateLimitHeaders(new Headers(headers), now)

describe('readRateLimitHeaders', () => {
  test('reads bol.com headers, whose reset is in seconds from now', () => {
    expect(read({ 'X-RateLimit-Limit': '7', 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': '31' })).toEqual({
      limit: 7,
      remaining: 2,
      resetAt: now + 31_000,
      windowMs: undefined,
      retryAt: undefined,
      present: true,
      problems: [],
    })
  })

  test('reads a reset given as epoch seconds (GitHub) or epoch milliseconds', () => {
    expect(read({ 'X-RateLimit-Reset': String(now / 1000 + 60) }).resetAt).toBe(now + 60_000)
    expect(read({ 'X-RateLimit-Reset': String(now + 5000) }).resetAt).toBe(now + 5000)
  })

  test('reads Convictional limit and duration in any unit', () => {
    expect(read({ 'X-Rate-Limit-Limit': '5', 'X-Rate-Limit-Duration': '1s' })).toMatchObject({
      limit: 5,
      windowMs: 1000,
    })
    expect(read({ 'X-Rate-Limit-Duration': '1' }).windowMs).toBe(1000)
    expect(read({ 'X-Rate-Limit-Duration': '250ms' }).windowMs).toBe(250)
    expect(read({ 'X-Rate-Limit-Duration': '1m' }).windowMs).toBe(60_000)
  })

  test('reads the IETF structured fields and follows the quota closest to running out', () => {
    const info = read({
      'RateLimit-Policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
      RateLimit: '"burst";r=40;t=12, "daily";r=3;t=5000',
    })
    expect(info).toMatchObject({ limit: 1000, remaining: 3, resetAt: now + 5_000_000, windowMs: 86_400_000 })
  })

  test('reads the policy with the fewest requests when the server sends no current state', () => {
    expect(read({ 'RateLimit-Policy': '"daily";q=1000;w=86400, "burst";q=100;w=60' })).toMatchObject({
      limit: 100,
      windowMs: 60_000,
      remaining: undefined,
    })
  })

  test('reads the dictionary form of an older draft and a bare policy number', () => {
    const info = read({ RateLimit: 'limit=10, remaining=4, reset=3', 'RateLimit-Policy': '10;w=1' })
    expect(info).toMatchObject({ limit: 10, remaining: 4, resetAt: now + 3000, windowMs: 1000 })
  })

  test('reads the separate RateLimit-Limit/-Remaining/-Reset fields with an inline window', () => {
    const info = read({ 'RateLimit-Limit': '10, 10;w=2', 'RateLimit-Remaining': '9', 'RateLimit-Reset': '2' })
    expect(info).toMatchObject({ limit: 10, remaining: 9, resetAt: now + 2000, windowMs: 2000 })
  })

  test('reads Retry-After as seconds or as an HTTP date', () => {
    expect(read({ 'Retry-After': '120' }).retryAt).toBe(now + 120_000)
    const date = new Date(now + 30_000).toUTCString()
    expect(read({ 'Retry-After': date }).retryAt).toBe(now + 30_000)
  })

  test('says nothing is present when there is no rate-limit header', () => {
    expect(read({ 'Content-Type': 'application/json' })).toMatchObject({ present: false, limit: undefined })
  })

  test('ignores negative and non-numeric values and reports them', () => {
    const info = read({ 'X-RateLimit-Limit': '-5', 'X-RateLimit-Remaining': 'lots', 'X-RateLimit-Reset': 'soon' })
    expect(info).toMatchObject({ limit: undefined, remaining: undefined, resetAt: undefined, present: true })
    expect(info.problems).toHaveLength(3)
  })

  test('clamps huge values and times more than a day ahead', () => {
    const info = read({
      'X-RateLimit-Limit': '1e99',
      'X-RateLimit-Remaining': '99999999999999',
      'Retry-After': '9999999',
    })
    expect(info.remaining).toBe(1_000_000_000)
    expect(info.retryAt).toBe(now + 86_400_000)
    expect(info.problems.join('\n')).toMatch(/clamped/)
  })

  test('turns a date in the past into now', () => {
    const info = read({ 'Retry-After': 'Mon, 01 Jan 1990 00:00:00 GMT', 'X-RateLimit-Reset': String(now / 1000 - 100) })
    expect(info).toMatchObject({ retryAt: now, resetAt: now })
    expect(info.problems.join('\n')).toMatch(/in the past/)
  })

  test('keeps remaining at or below the limit', () => {
    expect(read({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '50' }).remaining).toBe(5)
  })

  test('never puts a credential into a problem report', () => {
    const info = read({ 'X-RateLimit-Remaining': 'Bearer abc.def.ghi' })
    expect(info.problems.join('\n')).not.toContain('abc.def')
  })

  const headerNames = [...rateLimitHeaderNames, 'retry-after']
  // Header values are visible ASCII plus spaces and tabs; anything else would not survive `new Headers()`.
  const headerValue = fc.oneof(
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
    fc.integer({ min: -1e12, max: 1e15 }).map(String),
    fc.double().map(String),
    fc.constantFrom('"p";r=5;t=30', 'limit=1, remaining=0, reset=0', '10;w=1', '1s', 'Thu, 01 Jan 2099 00:00:00 GMT'),
  )

  test('never throws and always returns bounded, finite values for any header values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...headerNames), headerValue), (headers) => {
        const info = read(Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.trim()])))
        for (const count of [info.limit, info.remaining]) {
          if (count !== undefined) expect(Number.isInteger(count) && count >= 0 && count <= 1e9).toBe(true)
        }
        for (const time of [info.resetAt, info.retryAt]) {
          if (time !== undefined) expect(time >= now && time <= now + 86_400_000).toBe(true)
        }
        if (info.windowMs !== undefined) expect(info.windowMs >= 1 && info.windowMs <= 86_400_000).toBe(true)
        if (info.limit !== undefined && info.remaining !== undefined)
          expect(info.remaining).toBeLessThanOrEqual(info.limit)
      }),
      { numRuns: 500 },
    )
  })
})
