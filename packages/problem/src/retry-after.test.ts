import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './retry-after.js'

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, measured from the clock given', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')
    expect(parseRetryAfter('120', now)).toBe(120_000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(60_000)
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0)
  })

  it('gives undefined for anything that is neither, never a number it made up', () => {
    for (const value of [undefined, null, '', '-5', '1.5', 'soon', '2026-10-21', 'Xyz, 99 Foo 2026 99:99:99 GMT']) {
      expect(parseRetryAfter(value, 0)).toBeUndefined()
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const result = parseRetryAfter(value, 0)
        expect(result === undefined || (Number.isFinite(result) && result >= 0)).toBe(true)
      }),
    )
  })
})
