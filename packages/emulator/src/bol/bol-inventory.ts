import { isResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import { type BolContext, bolRoute, enumQuery, listBody, pageNumber, pageOf } from './bol-context.js'

/** `GET /retailer/inventory`: the FBB stock, filterable by `stock`, `state`, `query` and `quantity` ranges (`10-20`). */
export function registerBolInventoryRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/retailer/inventory', (exchange) => {
    const page = pageNumber(exchange)
    if (isResponse(page)) return page
    const stock = enumQuery(exchange, 'stock', ['SUFFICIENT', 'INSUFFICIENT'], undefined)
    if (isResponse(stock)) return stock
    const state = enumQuery(exchange, 'state', ['REGULAR', 'GRADED'], undefined)
    if (isResponse(state)) return state
    const query = exchange.query.get('query')?.toLowerCase()
    const ranges = exchange.query.getAll('quantity').map((range) => range.split('-').map(Number))
    const matching = context.state.inventory.filter((item) => {
      const amount = state === 'GRADED' ? item.gradedStock : item.regularStock
      if (stock === 'SUFFICIENT' && amount < 5) return false
      if (stock === 'INSUFFICIENT' && amount >= 5) return false
      if (query && !item.title.toLowerCase().includes(query) && !item.ean.includes(query)) return false
      return (
        ranges.length === 0 ||
        ranges.some(([low = 0, high = Number.POSITIVE_INFINITY]) => amount >= low && amount <= high)
      )
    })
    return listBody(context, 'inventory', pageOf(matching, page, 50))
  })
}
