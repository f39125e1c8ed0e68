import { readRateLimitHeaders } from '@b2bkit/rate-limit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHeaderText, headerValue } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'

const dayMs = 86_400_000
const names = [
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-rate-limit-duration',
  'retry-after',
]

// Structured fields in the IETF draft's shapes, with hostile parameters mixed in.
const structuredValue = fc
  .tuple(
    fc.constantFrom('"default"', 'default', '"a", "b"', '', '"p"'),
    fc.array(fc.tuple(fc.constantFrom('q', 'w', 'r', 't', 'limit', 'remaining', 'reset', 'x'), headerValue), {
      maxLength: 4,
    }),
    fc.constantFrom(';', ', ', ','),
  )
  .map(([key, parameters, separator]) =>
    [key, ...parameters.map(([name, value]) => `${name}=${value}`)].filter(Boolean).join(separator),
  )

const headerSet = fc.dictionary(fc.constantFrom(...names), fc.oneof(headerValue, structuredValue, anyHeaderText), {
  maxKeys: 6,
})
const now = fc.integer({ min: 0, max: 4_102_444_800_000 }) // 1970 to 2100

describe('rate-limit header parsing (fuzzed)', () => {
  it(
    'never throws, and every value it returns is bounded: counts to 10⁹, times from now to a day ahead',
    () => {
      fc.assert(
        fc.property(headerSet, now, (fields, at) => {
          const headers = new Headers(fields)
          const read = readRateLimitHeaders(headers, at)
          if (read.limit !== undefined)
            expect(Number.isInteger(read.limit) && read.limit >= 1 && read.limit <= 1e9).toBe(true)
          if (read.remaining !== undefined) {
            expect(Number.isInteger(read.remaining) && read.remaining >= 0 && read.remaining <= 1e9).toBe(true)
            if (read.limit !== undefined) expect(read.remaining).toBeLessThanOrEqual(read.limit)
          }
          for (const time of [read.resetAt, read.retryAt]) {
            if (time !== undefined) expect(time >= at && time <= at + dayMs).toBe(true)
          }
          if (read.windowMs !== undefined) expect(read.windowMs > 0 && Number.isFinite(read.windowMs)).toBe(true)
          expect(read.present).toBe(Object.keys(fields).some((name) => name !== 'retry-after'))
          for (const problem of read.problems) expect(typeof problem).toBe('string')
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    "reads bol's X-RateLimit headers as they were sent",
    () => {
      const bolHeaders = fc
        .integer({ min: 1, max: 1_000_000 })
        .chain((limit) => fc.tuple(fc.constant(limit), fc.nat({ max: limit }), fc.nat({ max: 3600 })))
      fc.assert(
        fc.property(bolHeaders, now, ([limit, remaining, resetSeconds], at) => {
          const headers = new Headers({
            'x-ratelimit-limit': String(limit),
            'x-ratelimit-remaining': String(remaining),
            'x-ratelimit-reset': String(resetSeconds),
          })
          const read = readRateLimitHeaders(headers, at)
          expect(read).toMatchObject({ limit, remaining, resetAt: at + resetSeconds * 1000, problems: [] })
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    "reads the IETF draft's RateLimit and RateLimit-Policy fields as they were sent",
    () => {
      const policy = fc
        .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 3600 }))
        .chain(([quota, windowSeconds]) =>
          fc.tuple(
            fc.constant(quota),
            fc.constant(windowSeconds),
            fc.nat({ max: quota }),
            fc.nat({ max: windowSeconds }),
          ),
        )
      fc.assert(
        fc.property(policy, now, ([quota, windowSeconds, remaining, resetSeconds], at) => {
          const headers = new Headers({
            'ratelimit-policy': `"burst";q=${quota};w=${windowSeconds}`,
            ratelimit: `"burst";r=${remaining};t=${resetSeconds}`,
          })
          const read = readRateLimitHeaders(headers, at)
          expect(read).toMatchObject({
            limit: quota,
            remaining,
            resetAt: at + resetSeconds * 1000,
            windowMs: windowSeconds * 1000,
          })
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    'reads Retry-After in delay-seconds and as an HTTP date',
    () => {
      fc.assert(
        fc.property(now, fc.nat({ max: 86_400 }), fc.boolean(), (at, seconds, asDate) => {
          const value = asDate ? new Date(Math.floor(at / 1000) * 1000 + seconds * 1000).toUTCString() : String(seconds)
          const read = readRateLimitHeaders(new Headers({ 'retry-after': value }), at)
          const expected = asDate ? Math.max(at, Math.floor(at / 1000) * 1000 + seconds * 1000) : at + seconds * 1000
          expect(read.retryAt).toBe(expected)
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )
})
