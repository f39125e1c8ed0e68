import { type Exchange, isRecord, jsonBody } from '../core/exchange.js'
import { bodyResponse, type ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import { isoDateTime, isValidEan } from '../internal/fixtures.js'
import { acceptProcess, type BolContext, bolJson, bolRoute } from './bol-context.js'
import {
  createOfferViolations,
  fulfilmentViolations,
  offerFromRequest,
  offersCsv,
  offerView,
  pricingViolations,
  stockViolations,
} from './bol-offer-requests.js'
import { type BolViolation, bolProblem, validationProblem } from './bol-problem.js'
import type { BolOffer } from './bol-state.js'

/** Starts a process that changes an existing offer (failing when the offer is gone by then). */
function changeOffer(
  exchange: Exchange,
  context: BolContext,
  eventType: string,
  violations: BolViolation[],
  change: (offer: BolOffer) => void,
): ResponseDraft {
  const invalid = validationProblem(exchange, violations)
  if (invalid) return invalid
  const offerId = exchange.params.offerId ?? ''
  return acceptProcess(exchange, context, {
    eventType,
    entityId: offerId,
    description: `${eventType} for offer ${offerId}.`,
    apply: () => {
      const offer = context.state.offers.get(offerId)
      if (!offer) return `Offer ${offerId} does not exist.`
      change(offer)
      offer.mutationDateTime = isoDateTime(context.runtime.clock.now())
      return undefined
    },
  })
}

/** The offer endpoints (create, get, update, delete, price, stock, export): all deprecated in bol's v10 document. */
export function registerBolOfferRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'POST', '/retailer/offers', (exchange) => {
    const body = jsonBody(exchange)
    const invalid = validationProblem(exchange, createOfferViolations(body))
    if (invalid || !isRecord(body)) return invalid ?? bolProblem(exchange, 400, 'Bad request')
    const offerId = context.runtime.random.uuid()
    return acceptProcess(exchange, context, {
      eventType: 'CREATE_OFFER',
      entityId: offerId,
      description: `Create offer for EAN ${String(body.ean)}.`,
      apply: () => {
        const ean = String(body.ean)
        if (!isValidEan(ean)) return `EAN ${ean} is not valid.`
        const condition = (body.condition as Record<string, unknown>).name
        const duplicate = [...context.state.offers.values()].find(
          (offer) => offer.ean === ean && offer.condition.name === condition,
        )
        if (duplicate)
          return `An offer for EAN ${ean} in condition ${String(condition)} already exists: ${duplicate.offerId}.`
        context.state.offers.set(offerId, offerFromRequest(offerId, body, isoDateTime(context.runtime.clock.now())))
        return undefined
      },
    })
  })

  bolRoute(router, context, 'POST', '/retailer/offers/export', (exchange) => {
    const body = jsonBody(exchange)
    const invalid = validationProblem(
      exchange,
      isRecord(body) && body.format === 'CSV'
        ? []
        : [{ name: 'format', reason: 'Request contains invalid value(s), allowed values: CSV.' }],
    )
    if (invalid) return invalid
    const reportId = String(++context.state.sequences.report)
    return acceptProcess(exchange, context, {
      eventType: 'CREATE_OFFER_EXPORT',
      entityId: reportId,
      description: 'Create an offer export file.',
      apply: () => {
        context.state.offerExports.set(reportId, offersCsv(context.state.offers.values()))
        return undefined
      },
    })
  })

  bolRoute(router, context, 'GET', '/retailer/offers/export/:reportId', (exchange) => {
    const csv = context.state.offerExports.get(exchange.params.reportId ?? '')
    if (csv === undefined) return bolProblem(exchange, 404, `Offer export ${exchange.params.reportId} not found.`)
    return bodyResponse(200, csv, 'application/vnd.retailer.v10+csv')
  })

  bolRoute(router, context, 'GET', '/retailer/offers/:offerId', (exchange) => {
    const offer = context.state.offers.get(exchange.params.offerId ?? '')
    if (!offer) return bolProblem(exchange, 404, `Offer ${exchange.params.offerId} not found.`)
    return bolJson(offerView(offer))
  })

  bolRoute(router, context, 'PUT', '/retailer/offers/:offerId', (exchange) => {
    const body = jsonBody(exchange)
    const violations = isRecord(body)
      ? fulfilmentViolations(body.fulfilment)
      : [{ name: 'body', reason: 'A JSON object is required.' }]
    return changeOffer(exchange, context, 'UPDATE_OFFER', violations, (offer) => {
      if (!isRecord(body)) return
      if (typeof body.reference === 'string') offer.reference = body.reference
      if (typeof body.onHoldByRetailer === 'boolean') offer.onHoldByRetailer = body.onHoldByRetailer
      if (typeof body.unknownProductTitle === 'string') offer.unknownProductTitle = body.unknownProductTitle
      offer.fulfilment = body.fulfilment as BolOffer['fulfilment']
    })
  })

  bolRoute(router, context, 'PUT', '/retailer/offers/:offerId/price', (exchange) => {
    const body = jsonBody(exchange)
    const pricing = isRecord(body) ? body.pricing : undefined
    return changeOffer(exchange, context, 'UPDATE_OFFER_PRICE', pricingViolations(pricing), (offer) => {
      offer.bundlePrices = (pricing as { bundlePrices: BolOffer['bundlePrices'] }).bundlePrices
    })
  })

  bolRoute(router, context, 'PUT', '/retailer/offers/:offerId/stock', (exchange) => {
    const body = jsonBody(exchange)
    return changeOffer(exchange, context, 'UPDATE_OFFER_STOCK', stockViolations(body, 'body'), (offer) => {
      offer.stock = {
        amount: Number((body as Record<string, unknown>).amount),
        managedByRetailer: (body as Record<string, unknown>).managedByRetailer === true,
      }
    })
  })

  bolRoute(router, context, 'DELETE', '/retailer/offers/:offerId', (exchange) =>
    changeOffer(exchange, context, 'DELETE_OFFER', [], (offer) => {
      context.state.offers.delete(offer.offerId)
    }),
  )
}
