import { type Exchange, isRecord, jsonBody, markApplied } from '../core/exchange.js'
import type { ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { isoDateTime } from '../internal/fixtures.js'
import { convictionalError, convictionalJson, listResponse } from './convictional-responses.js'
import { type ConvictionalOrder, type ConvictionalState, newObjectId } from './convictional-state.js'

const ordersOf = (state: ConvictionalState, exchange: Exchange) => {
  const status = exchange.query.get('status')
  return [...state.orders.values()].filter((order) => status === null || order.status === status)
}

function createBuyerOrder(exchange: Exchange, state: ConvictionalState, runtime: Runtime): ResponseDraft {
  const body = jsonBody(exchange)
  if (!isRecord(body) || !Array.isArray(body.items) || body.items.length === 0 || !isRecord(body.address)) {
    return convictionalError(400, 'An order needs an address and at least one item.')
  }
  const buyerReference = typeof body.buyerReference === 'string' ? body.buyerReference : ''
  const existing = buyerReference
    ? [...state.orders.values()].find((order) => order.buyerReference === buyerReference)
    : undefined
  if (existing) {
    return convictionalError(409, `An order with buyerReference ${buyerReference} already exists.`, {
      orderId: existing._id,
    })
  }
  const variants = new Map(
    [...state.products.values()].flatMap((product) =>
      product.variants.map((variant) => [variant._id, variant] as const),
    ),
  )
  const items: ConvictionalOrder['items'] = []
  for (const [index, item] of body.items.entries()) {
    const variant = isRecord(item) ? variants.get(String(item.variantId)) : undefined
    const quantity = isRecord(item) ? item.quantity : undefined
    if (!variant || !Number.isInteger(quantity) || (quantity as number) < 1) {
      return convictionalError(400, `items[${index}] needs a known variantId and a positive quantity.`)
    }
    const buyerItemReference = isRecord(item) && typeof item.buyerReference === 'string' ? item.buyerReference : ''
    items.push({
      _id: newObjectId(runtime.random),
      variantId: variant._id,
      sku: variant.sku,
      title: variant.title,
      quantity: quantity as number,
      price: variant.basePrice,
      buyerReference: buyerItemReference,
    })
  }
  const now = isoDateTime(runtime.clock.now())
  const order: ConvictionalOrder = {
    _id: newObjectId(runtime.random),
    buyerReference,
    buyerOrderCode: `B${++state.sequences.order}`,
    sellerOrderCode: `S${state.sequences.order}`,
    buyerCompanyId: state.buyerCompanyId,
    sellerCompanyId: state.sellerCompanyId,
    status: 'open',
    items,
    shippingAddress: Object.fromEntries(Object.entries(body.address).map(([key, value]) => [key, String(value)])),
    note: typeof body.note === 'string' ? body.note : '',
    orderedDate: typeof body.orderedDate === 'string' ? body.orderedDate : now,
    created: now,
    updated: now,
  }
  state.orders.set(order._id, order)
  markApplied(exchange, { resourceId: order._id })
  return convictionalJson(order, 201)
}

/**
 * Orders for both roles: lists (`?status=`), one order, and the buyer's order create. A `buyerReference` is unique:
 * creating a second order with the same one answers 409 with the existing `orderId`, so a retried create is safe.
 */
export function registerConvictionalOrderRoutes(router: Router, state: ConvictionalState, runtime: Runtime): void {
  for (const role of ['buyer', 'seller'] as const) {
    router.on('GET', `/${role}/orders`, (exchange) => listResponse(exchange, ordersOf(state, exchange)))
    router.on('GET', `/${role}/orders/:orderId`, (exchange) => {
      const order = state.orders.get(exchange.params.orderId ?? '')
      return order ? convictionalJson(order) : convictionalError(404, `Order ${exchange.params.orderId} not found.`)
    })
  }
  router.on('POST', '/buyer/orders', (exchange) => createBuyerOrder(exchange, state, runtime))
  router.on('POST', '/seller/orders/:orderId/fulfill', (exchange) => {
    const order = state.orders.get(exchange.params.orderId ?? '')
    if (!order) return convictionalError(404, `Order ${exchange.params.orderId} not found.`)
    if (order.status !== 'open') return convictionalError(409, `Order ${order._id} is ${order.status}.`)
    order.status = 'fulfilled'
    order.updated = isoDateTime(runtime.clock.now())
    markApplied(exchange, { resourceId: order._id })
    return convictionalJson(order)
  })
}
