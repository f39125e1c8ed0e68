import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { childText, parseXml } from './xml.js'

// Any UTF-16 code unit, lone surrogates included (fast-check's 'binary' unit costs seconds to set up).
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))

describe('parseXml', () => {
  it('reads elements, text, CDATA and entities, skipping attributes, comments and namespaces', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?><!-- note --><p:problem xmlns:p="urn:x" a=\'>\'><detail>a &lt; b &amp; c &#x41;&#66;<![CDATA[<raw>]]></detail><empty/></p:problem>',
    )
    expect(root?.name).toBe('problem')
    expect(root && childText(root, 'detail')).toBe('a < b & c AB<raw>')
    expect(root && childText(root, 'empty')).toBe('')
  })

  it('refuses a document type declaration, so no entity can expand', () => {
    expect(parseXml('<!DOCTYPE lol [<!ENTITY a "aaaa">]><problem>&a;</problem>')).toBeUndefined()
  })

  it('refuses what is not one well-formed tree', () => {
    for (const text of [
      '<a><b></a>',
      '<a>',
      '<a></a><b></b>',
      'text<a/>',
      '<a><![CDATA[x</a>',
      '<1a/>',
      '<a b="x></a>',
    ]) {
      expect(parseXml(text)).toBeUndefined()
    }
  })

  it('refuses a document nested deeper than it reads', () => {
    expect(parseXml(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)).toBeUndefined()
    expect(parseXml(`${'<a>'.repeat(10)}${'</a>'.repeat(10)}`)?.name).toBe('a')
  })

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit }), (text) => void parseXml(text)))
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('<a>', '</a>', '<b/>', 'x', '&amp;', '&#99999999;', '<!--', '-->', '<?', '?>')),
        (parts) => void parseXml(parts.join('')),
      ),
    )
  })
})
