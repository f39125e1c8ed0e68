import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BolResponseError } from '../errors.js'
import { csvRows, parseCsv } from './csv.js'

/** Writes records as RFC 4180 CSV, quoting every cell (so no record is an empty line). */
const writeCsv = (records: string[][], newline: string) =>
  records.map((record) => record.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join(newline)

describe('parseCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const text = 'offerId,referenceCode,stockAmount\r\n1,"a, b",3\r\n2,"say ""hi""","line\nbreak"\r\n'
    expect(parseCsv(text)).toEqual([
      ['offerId', 'referenceCode', 'stockAmount'],
      ['1', 'a, b', '3'],
      ['2', 'say "hi"', 'line\nbreak'],
    ])
  })

  it('keeps empty cells, drops empty lines and a byte order mark, and reads CR, LF and CRLF alike', () => {
    expect(parseCsv('\uFEFFa,,c\r\n\n,\rx\n')).toEqual([['a', '', 'c'], ['', ''], ['x']])
    expect(parseCsv('')).toEqual([])
    expect(parseCsv('""')).toEqual([['']])
  })

  it('keeps stray quotes inside unquoted cells as text', () => {
    expect(parseCsv('5" screen,"quoted"tail\n')).toEqual([['5" screen', 'quotedtail']])
  })

  it('refuses a file cut off inside a quoted cell', () => {
    expect(() => parseCsv('a,"unterminated\n')).toThrow(BolResponseError)
  })

  it('reads back whatever a writer quoted, with any line ending', () => {
    const records = fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    })
    fc.assert(
      fc.property(records, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (written, newline, trailing) => {
        const text = writeCsv(written, newline) + (trailing ? newline : '')
        expect(parseCsv(text)).toEqual(written)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws anything but BolResponseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseCsv(text)
        } catch (error) {
          expect(error).toBeInstanceOf(BolResponseError)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('csvRows', () => {
  it('keys every row by the header, fills missing cells with empty text, and has no prototype surprises', () => {
    const rows = csvRows(parseCsv('offerId,__proto__,ean\n1,x,871\n2\n'))
    expect(rows).toEqual([
      { offerId: '1', ['__proto__']: 'x', ean: '871' },
      { offerId: '2', ['__proto__']: '', ean: '' },
    ])
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype)
    expect(csvRows([])).toEqual([])
  })
})
