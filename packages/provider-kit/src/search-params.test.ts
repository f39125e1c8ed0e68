import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pathSegment, toSearchParams } from './search-params.js'

const text = fc.string({ unit: 'grapheme', maxLength: 20 })

describe('toSearchParams()', () => {
  it('keeps every defined value, in order, and leaves out the undefined ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.option(fc.oneof(text, fc.integer(), fc.boolean()), { nil: undefined }))),
        (entries) => {
          const values = Object.fromEntries(entries)
          const expected = Object.entries(values).flatMap(([name, value]) =>
            value === undefined ? [] : [[name, String(value)]],
          )
          expect([...new URLSearchParams(toSearchParams(values).toString())]).toEqual(expected)
        },
      ),
    )
  })

  it('repeats the parameter for each item of an array', () => {
    fc.assert(
      fc.property(fc.array(text), (items) => {
        expect(toSearchParams({ status: items }).getAll('status')).toEqual(items)
      }),
    )
  })
})

describe('pathSegment()', () => {
  it('encodes an id so it stays one segment and decodes back to itself', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.integer()), (id) => {
        const segment = pathSegment(id)
        expect(segment).not.toMatch(/[/?#]/)
        expect(decodeURIComponent(segment)).toBe(String(id))
        expect(new URL(`v1/x/${segment}`, 'https://example.test/b2b/').pathname.startsWith('/b2b/v1/x/')).toBe(true)
      }),
    )
  })
})
