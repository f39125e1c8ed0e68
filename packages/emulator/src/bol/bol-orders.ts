import { isRecord, jsonBody } from '../core/exchange.js'
import { isResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import { isoDateTime } from '../internal/fixtures.js'
import {
  acceptProcess,
  type BolContext,
  bolJson,
  bolRoute,
  enumQuery,
  listBody,
  pageNumber,
  pageOf,
} from './bol-context.js'
import { bolProblem, validationProblem } from './bol-problem.js'
import type { BolOrder, BolOrderItem } from './bol-state.js'

const isOpen = (item: BolOrderItem) => item.quantityShipped + item.quantityCancelled < item.quantity

function reducedItem(item: BolOrderItem) {
  return {
    orderItemId: item.orderItemId,
    ean: item.ean,
    fulfilmentMethod: item.fulfilmentMethod,
    fulfilmentStatus: isOpen(item) ? 'OPEN' : 'HANDLED',
    quantity: item.quantity,
    quantityShipped: item.quantityShipped,
    quantityCancelled: item.quantityCancelled,
    cancellationRequest: item.cancellationRequest,
    latestChangedDateTime: item.latestChangedDateTime,
  }
}

function orderView(order: BolOrder) {
  return {
    orderId: order.orderId,
    pickupPoint: order.pickupPoint,
    orderPlacedDateTime: order.orderPlacedDateTime,
    shipmentDetails: order.shipmentDetails,
    billingDetails: order.billingDetails,
    orderItems: order.orderItems.map((item) => ({
      orderItemId: item.orderItemId,
      cancellationRequest: item.cancellationRequest,
      fulfilment: {
        method: item.fulfilmentMethod,
        distributionParty: item.fulfilmentMethod === 'FBB' ? 'BOL' : 'RETAILER',
        latestDeliveryDate: item.latestDeliveryDate,
        timeFrameType: 'REGULAR',
      },
      offer: { offerId: item.offerId, reference: item.offerReference },
      product: { ean: item.ean, title: item.title },
      quantity: item.quantity,
      quantityShipped: item.quantityShipped,
      quantityCancelled: item.quantityCancelled,
      unitPrice: item.unitPrice,
      totalPrice: Math.round(item.unitPrice * item.quantity * 100) / 100,
      discounts: [],
      commission: item.commission,
      latestChangedDateTime: item.latestChangedDateTime,
    })),
  }
}

/** Finds the order that holds an order item. */
export function findOrderItem(
  context: BolContext,
  orderItemId: string,
): { order: BolOrder; item: BolOrderItem } | undefined {
  for (const order of context.state.orders.values()) {
    const item = order.orderItems.find((candidate) => candidate.orderItemId === orderItemId)
    if (item) return { order, item }
  }
  return undefined
}

/** `GET /retailer/orders`, `GET /retailer/orders/{order-id}`, `PUT /retailer/orders/cancellation`. */
export function registerBolOrderRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/retailer/orders', (exchange) => {
    const page = pageNumber(exchange)
    if (isResponse(page)) return page
    const status = enumQuery(exchange, 'status', ['OPEN', 'SHIPPED', 'ALL'], 'OPEN')
    if (isResponse(status)) return status
    const method = enumQuery(exchange, 'fulfilment-method', ['FBR', 'FBB', 'ALL'], 'FBR')
    if (isResponse(method)) return method
    const matching = [...context.state.orders.values()].filter((order) => {
      const items = order.orderItems.filter((item) => method === 'ALL' || item.fulfilmentMethod === method)
      if (items.length === 0) return false
      if (status === 'OPEN') return items.some(isOpen)
      if (status === 'SHIPPED') return items.some((item) => item.quantityShipped > 0)
      return true
    })
    const orders = pageOf(matching, page, context.ordersPageSize).map((order) => ({
      orderId: order.orderId,
      orderPlacedDateTime: order.orderPlacedDateTime,
      orderItems: order.orderItems.map(reducedItem),
    }))
    return listBody(context, 'orders', orders)
  })

  bolRoute(router, context, 'GET', '/retailer/orders/:orderId', (exchange) => {
    const order = context.state.orders.get(exchange.params.orderId ?? '')
    if (!order) return bolProblem(exchange, 404, `Order ${exchange.params.orderId} not found.`)
    return bolJson(orderView(order))
  })

  bolRoute(router, context, 'PUT', '/retailer/orders/cancellation', (exchange) => {
    const body = jsonBody(exchange)
    const items = isRecord(body) && Array.isArray(body.orderItems) ? body.orderItems : undefined
    const first = items?.[0]
    const invalid = validationProblem(
      exchange,
      items?.length !== 1 ||
        !isRecord(first) ||
        typeof first.orderItemId !== 'string' ||
        typeof first.reasonCode !== 'string'
        ? [{ name: 'orderItems', reason: 'Exactly one order item with orderItemId and reasonCode is required.' }]
        : [],
    )
    if (invalid) return invalid
    const orderItemId = String((first as Record<string, unknown>).orderItemId)
    return acceptProcess(exchange, context, {
      eventType: 'CANCEL_ORDER',
      entityId: orderItemId,
      description: `Cancel order item ${orderItemId}.`,
      apply: () => {
        const found = findOrderItem(context, orderItemId)
        if (!found) return `Order item ${orderItemId} does not exist.`
        if (!isOpen(found.item)) return `Order item ${orderItemId} is not open.`
        found.item.quantityCancelled = found.item.quantity - found.item.quantityShipped
        found.item.latestChangedDateTime = isoDateTime(context.runtime.clock.now())
        return undefined
      },
    })
  })
}
