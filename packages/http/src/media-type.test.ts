import { describe, expect, it } from 'vitest'
import { vendorHeaders, vendorMediaType } from './media-type.js'

describe('vendor media types', () => {
  it('builds bol-style vendor media types for each format', () => {
    expect(vendorMediaType('retailer', 10)).toBe('application/vnd.retailer.v10+json')
    expect(vendorMediaType('retailer', 'v10', 'csv')).toBe('application/vnd.retailer.v10+csv')
    expect(vendorMediaType('retailer', 9, 'xml')).toBe('application/vnd.retailer.v9+xml')
  })

  it('gives matching Accept and Content-Type headers', () => {
    expect(vendorHeaders('retailer', 10)).toEqual({
      Accept: 'application/vnd.retailer.v10+json',
      'Content-Type': 'application/vnd.retailer.v10+json',
    })
  })
})
