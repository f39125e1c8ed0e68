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
import type { BolReturn } from './bol-state.js'

const handlingResults = [
  'RETURN_RECEIVED',
  'EXCHANGE_PRODUCT',
  'RETURN_DOES_NOT_MEET_CONDITIONS',
  'REPAIR_PRODUCT',
  'CUSTOMER_KEEPS_PRODUCT_PAID',
  'STILL_APPROVED',
]

function handlingViolations(body: unknown): BolViolation[] {
  if (!isRecord(body)) return [{ name: 'body', reason: 'A JSON object is required.' }]
  const violations: BolViolation[] = []
  if (!handlingResults.includes(String(body.handlingResult))) {
    violations.push({
      name: 'handlingResult',
      reason: `Request contains invalid value(s), allowed values: ${handlingResults.join(', ')}.`,
    })
  }
  const quantity = body.quantityReturned
  if (!Number.isInteger(quantity) || (quantity as number) < 1 || (quantity as number) > 9999) {
    violations.push({ name: 'quantityReturned', reason: 'Must be an integer from 1 to 9999.' })
  }
  return violations
}

function returnView(entry: BolReturn, detailed: boolean) {
  return {
    returnId: entry.returnId,
    registrationDateTime: entry.registrationDateTime,
    fulfilmentMethod: entry.fulfilmentMethod,
    returnItems: entry.items.map((item) => ({
      rmaId: item.rmaId,
      orderId: item.orderId,
      ean: item.ean,
      ...(detailed ? { title: item.title, customerDetails: { salutation: 'UNKNOWN' } } : {}),
      expectedQuantity: item.expectedQuantity,
      returnReason: item.returnReason,
      handled: item.handled,
      processingResults: item.processingResults,
    })),
  }
}

/** Returns: list, get, handle (`HANDLE_RETURN_ITEM`) and create (`CREATE_RETURN_ITEM`). */
export function registerBolReturnRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/retailer/returns', (exchange) => {
    const page = pageNumber(exchange)
    if (isResponse(page)) return page
    const method = enumQuery(exchange, 'fulfilment-method', ['FBR', 'FBB'], 'FBR')
    if (isResponse(method)) return method
    const handled = exchange.query.get('handled')
    const matching = [...context.state.returns.values()].filter(
      (entry) =>
        entry.fulfilmentMethod === method &&
        (handled === null || entry.items.some((item) => String(item.handled) === handled)),
    )
    return listBody(
      context,
      'returns',
      pageOf(matching, page, 50).map((entry) => returnView(entry, false)),
    )
  })

  bolRoute(router, context, 'GET', '/retailer/returns/:returnId', (exchange) => {
    const entry = context.state.returns.get(exchange.params.returnId ?? '')
    if (!entry) return bolProblem(exchange, 404, `Return ${exchange.params.returnId} not found.`)
    return bolJson(returnView(entry, true))
  })

  bolRoute(router, context, 'PUT', '/retailer/returns/:rmaId', (exchange) => {
    const body = jsonBody(exchange)
    const invalid = validationProblem(exchange, handlingViolations(body))
    if (invalid) return invalid
    const rmaId = exchange.params.rmaId ?? ''
    return acceptProcess(exchange, context, {
      eventType: 'HANDLE_RETURN_ITEM',
      entityId: rmaId,
      description: `Handle return item ${rmaId}.`,
      apply: () => {
        const item = [...context.state.returns.values()].flatMap((entry) => entry.items).find((i) => i.rmaId === rmaId)
        if (!item) return `Return item ${rmaId} does not exist.`
        if (item.handled) return `Return item ${rmaId} has already been handled.`
        const request = body as { handlingResult: string; quantityReturned: number }
        item.handled = true
        item.processingResults.push({
          quantity: request.quantityReturned,
          processingResult: 'ACCEPTED',
          handlingResult: request.handlingResult,
          processingDateTime: isoDateTime(context.runtime.clock.now()),
        })
        return undefined
      },
    })
  })

  bolRoute(router, context, 'POST', '/retailer/returns', (exchange) => {
    const body = jsonBody(exchange)
    const violations = handlingViolations(body)
    if (!isRecord(body) || typeof body.orderItemId !== 'string')
      violations.push({ name: 'orderItemId', reason: 'Must not be empty.' })
    const invalid = validationProblem(exchange, violations)
    if (invalid) return invalid
    const request = body as { orderItemId: string; quantityReturned: number; handlingResult: string }
    return acceptProcess(exchange, context, {
      eventType: 'CREATE_RETURN_ITEM',
      entityId: request.orderItemId,
      description: `Create a return for order item ${request.orderItemId}.`,
      apply: () => {
        const found = findOrderItem(context, request.orderItemId)
        if (!found) return `Order item ${request.orderItemId} does not exist.`
        if (found.item.quantityShipped < request.quantityReturned)
          return `Order item ${request.orderItemId} was not shipped in that quantity.`
        const now = isoDateTime(context.runtime.clock.now())
        const returnId = String(++context.state.sequences.return)
        context.state.returns.set(returnId, {
          returnId,
          registrationDateTime: now,
          fulfilmentMethod: found.item.fulfilmentMethod,
          items: [
            {
              rmaId: String(60_000_000 + context.state.sequences.return),
              orderId: found.order.orderId,
              ean: found.item.ean,
              title: found.item.title,
              expectedQuantity: request.quantityReturned,
              handled: true,
              returnReason: { mainReason: 'Created by retailer', customerComments: '' },
              processingResults: [
                {
                  quantity: request.quantityReturned,
                  processingResult: 'ACCEPTED',
                  handlingResult: request.handlingResult,
                  processingDateTime: now,
                },
              ],
            },
          ],
        })
        return { entityId: returnId }
      },
    })
  })
}
