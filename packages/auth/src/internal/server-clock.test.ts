import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { refreshWindows } from './refresh-timing.js'
import { createServerClock } from './server-clock.js'

describe('createServerClock', () => {
  it('never thinks the endpoint clock is earlier than it is, whatever the skew and round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000_000, max: 2_000_000_000_000 }),
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (localSent, skew, roundTrip, whenAnswered) => {
          let local = localSent
          const clock = createServerClock(() => local)
          // The endpoint answers somewhere within the round trip; its Date header is truncated to the second.
          const answeredAtServer = localSent + roundTrip * whenAnswered + skew
          const date = new Date(Math.floor(answeredAtServer / 1000) * 1000).toUTCString()
          local = localSent + roundTrip
          clock.observe(date, localSent)
          const trueServerNow = local + skew
          expect(clock.now()).toBeGreaterThanOrEqual(Math.floor(trueServerNow))
          expect(clock.now() - trueServerNow).toBeLessThanOrEqual(roundTrip + 1000)
          expect(clock.toLocal(clock.toServer(local))).toBe(local)
        },
      ),
    )
  })

  it('keeps its offset when a Date header is missing or unreadable', () => {
    const clock = createServerClock(() => 5_000)
    clock.observe(null, 5_000)
    clock.observe('yesterday-ish', 5_000)
    expect(clock.now()).toBe(5_000)
  })
})

describe('refreshWindows', () => {
  it('puts both moments in the second half of the lifetime, before expiry', () => {
    const milliseconds = fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: undefined })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        milliseconds,
        milliseconds,
        (issuedAt, lifetimeMs, refreshBeforeExpiryMs, expiryMarginMs) => {
          const token = { issuedAt, expiresAt: issuedAt + lifetimeMs }
          const { refreshAt, usableUntil } = refreshWindows(token, { refreshBeforeExpiryMs, expiryMarginMs })
          for (const moment of [refreshAt, usableUntil]) {
            expect(moment).toBeGreaterThanOrEqual(issuedAt + lifetimeMs / 2)
            expect(moment).toBeLessThanOrEqual(token.expiresAt)
          }
        },
      ),
    )
  })

  it('defaults to 10% or 30 s before expiry for background and 5% or 10 s for blocking', () => {
    const fiveMinutes = refreshWindows({ issuedAt: 0, expiresAt: 300_000 }, {})
    expect(fiveMinutes).toEqual({ refreshAt: 270_000, usableUntil: 290_000 })
    const day = refreshWindows({ issuedAt: 0, expiresAt: 86_400_000 }, {})
    expect(day).toEqual({ refreshAt: 86_370_000, usableUntil: 86_390_000 })
    const minute = refreshWindows({ issuedAt: 0, expiresAt: 60_000 }, {})
    expect(minute).toEqual({ refreshAt: 54_000, usableUntil: 57_000 })
  })
})
