import { describe, expect, it } from 'vitest'
import { matchPath, specificity } from './path-pattern.js'

describe('path patterns', () => {
  it('captures named segments, matches * to one segment and ** to the rest', () => {
    expect(matchPath('/retailer/orders/:orderId', '/retailer/orders/A%2F1')).toEqual({ orderId: 'A/1' })
    expect(matchPath('/retailer/orders/*', '/retailer/orders/1')).toEqual({})
    expect(matchPath('/retailer/orders/*', '/retailer/orders/1/x')).toBeUndefined()
    expect(matchPath('/retailer/**', '/retailer')).toEqual({})
    expect(matchPath('/retailer/**', '/retailer/a/b/c')).toEqual({})
    expect(matchPath('/retailer/orders', '/retailer/orders/')).toEqual({})
  })

  it('ranks literal segments above wildcards above a trailing **', () => {
    expect(specificity('/retailer/orders')).toBeGreaterThan(specificity('/retailer/*'))
    expect(specificity('/retailer/*')).toBeGreaterThan(specificity('/retailer/**'))
  })
})
