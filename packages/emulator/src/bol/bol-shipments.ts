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
import { findOrderItem } from './bol-orders.js'
import { type BolViolation, bolProblem, validationProblem } from './bol-problem.js'
import type { BolShipment } from './bol-state.js'

interface RequestedItem {
  orderItemId: string
  quantity: number | undefined
}

function readShipmentRequest(body: unknown): {
  items: RequestedItem[]
  violations: BolViolation[]
  reference?: string
  transport?: Record<string, unknown>
} {
  const violations: BolViolation[] = []
  if (
    !isRecord(body) ||
    !Array.isArray(body.orderItems) ||
    body.orderItems.length < 1 ||
    body.orderItems.length > 100
  ) {
    return { items: [], violations: [{ name: 'orderItems', reason: 'Between 1 and 100 order items are required.' }] }
  }
  const items = body.orderItems.map((item, index) => {
    if (!isRecord(item) || typeof item.orderItemId !== 'string' || item.orderItemId === '') {
      violations.push({ name: `orderItems[${index}].orderItemId`, reason: 'Must not be empty.' })
      return { orderItemId: '', quantity: undefined }
    }
    const quantity = typeof item.quantity === 'number' ? item.quantity : undefined
    return { orderItemId: item.orderItemId, quantity }
  })
  if (
    body.shipmentReference !== undefined &&
    (typeof body.shipmentReference !== 'string' || body.shipmentReference.length > 90)
  ) {
    violations.push({ name: 'shipmentReference', reason: 'Must be a string of at most 90 characters.' })
  }
  const result: ReturnType<typeof readShipmentRequest> = { items, violations }
  if (typeof body.shipmentReference === 'string') result.reference = body.shipmentReference
  if (isRecord(body.transport)) result.transport = body.transport
  return result
}

function shipmentView(context: BolContext, shipment: BolShipment, detailed: boolean) {
  const order = context.state.orders.get(shipment.orderId)
  const base = {
    shipmentId: shipment.shipmentId,
    shipmentDateTime: shipment.shipmentDateTime,
    shipmentReference: shipment.shipmentReference ?? '',
    order: { orderId: shipment.orderId, ...(order ? { orderPlacedDateTime: order.orderPlacedDateTime } : {}) },
  }
  const items = shipment.items.map((shipped) => ({
    shipped,
    item: order?.orderItems.find((i) => i.orderItemId === shipped.orderItemId),
  }))
  if (!detailed) {
    return {
      ...base,
      shipmentItems: items.map(({ shipped, item }) => ({ orderItemId: shipped.orderItemId, ean: item?.ean ?? '' })),
      transport: { transportId: shipment.transport.transportId },
    }
  }
  return {
    ...base,
    pickupPoint: order?.pickupPoint ?? false,
    ...(order ? { shipmentDetails: order.shipmentDetails, billingDetails: order.billingDetails } : {}),
    shipmentItems: items.map(({ shipped, item }) => ({
      orderItemId: shipped.orderItemId,
      fulfilment: {
        method: item?.fulfilmentMethod ?? 'FBR',
        distributionParty: 'RETAILER',
        ...(item ? { latestDeliveryDate: item.latestDeliveryDate } : {}),
      },
      offer: { offerId: item?.offerId ?? '', reference: item?.offerReference ?? '' },
      product: { ean: item?.ean ?? '', title: item?.title ?? '' },
      quantity: shipped.quantity,
      quantityShipped: shipped.quantity,
      unitPrice: item?.unitPrice ?? 0,
      commission: item?.commission ?? 0,
    })),
    transport: {
      transportId: shipment.transport.transportId,
      transporterCode: shipment.transport.transporterCode,
      ...(shipment.transport.trackAndTrace ? { trackAndTrace: shipment.transport.trackAndTrace } : {}),
    },
  }
}

/** `POST /retailer/shipments` (a `CREATE_SHIPMENT` process), `GET /retailer/shipments`, `GET /retailer/shipments/{id}`. */
export function registerBolShipmentRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'POST', '/retailer/shipments', (exchange) => {
    const request = readShipmentRequest(jsonBody(exchange))
    const invalid = validationProblem(exchange, request.violations)
    if (invalid) return invalid
    const first = request.items[0] as RequestedItem
    return acceptProcess(exchange, context, {
      eventType: 'CREATE_SHIPMENT',
      entityId: first.orderItemId,
      description: `Example process status description for processing ${first.orderItemId}.`,
      apply: () => {
        const found = request.items.map((requested) => ({
          requested,
          found: findOrderItem(context, requested.orderItemId),
        }))
        for (const { requested, found: match } of found) {
          if (!match) return `Order item ${requested.orderItemId} does not exist.`
          const open = match.item.quantity - match.item.quantityShipped - match.item.quantityCancelled
          if (open <= 0) return `Order item ${requested.orderItemId} has already been shipped or cancelled.`
          if ((requested.quantity ?? open) > open)
            return `Order item ${requested.orderItemId} has only ${open} left to ship.`
        }
        const orderIds = new Set(found.map((entry) => entry.found?.order.orderId))
        if (orderIds.size > 1) return 'All order items of a shipment must belong to the same order.'
        const now = context.runtime.clock.now()
        const shipmentId = String(++context.state.sequences.shipment)
        const transport = request.transport ?? {}
        context.state.shipments.set(shipmentId, {
          shipmentId,
          shipmentDateTime: isoDateTime(now),
          shipmentReference: request.reference,
          orderId: [...orderIds][0] as string,
          items: found.map(({ requested, found: match }) => {
            const item = match?.item
            const quantity =
              requested.quantity ?? (item ? item.quantity - item.quantityShipped - item.quantityCancelled : 0)
            if (item) {
              item.quantityShipped += quantity
              item.latestChangedDateTime = isoDateTime(now)
            }
            return { orderItemId: requested.orderItemId, quantity }
          }),
          transport: {
            transportId: String(context.state.sequences.shipment + 300_000_000),
            transporterCode: typeof transport.transporterCode === 'string' ? transport.transporterCode : 'OTHER',
            trackAndTrace: typeof transport.trackAndTrace === 'string' ? transport.trackAndTrace : undefined,
          },
        })
        return undefined
      },
    })
  })

  bolRoute(router, context, 'GET', '/retailer/shipments', (exchange) => {
    const page = pageNumber(exchange)
    if (isResponse(page)) return page
    const method = enumQuery(exchange, 'fulfilment-method', ['FBR', 'FBB'], 'FBR')
    if (isResponse(method)) return method
    const orderId = exchange.query.get('order-id')
    const matching = [...context.state.shipments.values()]
      .filter((shipment) => orderId === null || shipment.orderId === orderId)
      .filter((shipment) => {
        const order = context.state.orders.get(shipment.orderId)
        return order?.orderItems.some((item) => item.fulfilmentMethod === method) ?? method === 'FBR'
      })
      .reverse()
    const shipments = pageOf(matching, page, 50).map((shipment) => shipmentView(context, shipment, false))
    return listBody(context, 'shipments', shipments)
  })

  bolRoute(router, context, 'GET', '/retailer/shipments/:shipmentId', (exchange) => {
    const shipment = context.state.shipments.get(exchange.params.shipmentId ?? '')
    if (!shipment) return bolProblem(exchange, 404, `Shipment ${exchange.params.shipmentId} not found.`)
    return bolJson(shipmentView(context, shipment, true))
  })
}
