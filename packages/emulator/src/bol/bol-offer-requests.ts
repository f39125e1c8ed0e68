import { isRecord } from '../core/exchange.js'
import type { BolViolation } from './bol-problem.js'
import type { BolOffer } from './bol-state.js'

const conditions = ['NEW', 'AS_NEW', 'GOOD', 'REASONABLE', 'MODERATE']

/** Checks a `pricing` object (1–4 bundle prices, quantity 1–24, unit price 1–9999). */
export function pricingViolations(pricing: unknown, name = 'pricing'): BolViolation[] {
  const prices = isRecord(pricing) ? pricing.bundlePrices : undefined
  if (!Array.isArray(prices) || prices.length < 1 || prices.length > 4) {
    return [{ name: `${name}.bundlePrices`, reason: 'Between 1 and 4 bundle prices are required.' }]
  }
  return prices.flatMap((price, index) =>
    isRecord(price) &&
    Number.isInteger(price.quantity) &&
    (price.quantity as number) >= 1 &&
    (price.quantity as number) <= 24 &&
    typeof price.unitPrice === 'number' &&
    price.unitPrice >= 1 &&
    price.unitPrice <= 9999
      ? []
      : [{ name: `${name}.bundlePrices[${index}]`, reason: 'quantity must be 1-24 and unitPrice 1-9999.' }],
  )
}

/** Checks a stock object (`amount` 0–999, `managedByRetailer` boolean). */
export function stockViolations(stock: unknown, name = 'stock'): BolViolation[] {
  return isRecord(stock) &&
    Number.isInteger(stock.amount) &&
    (stock.amount as number) >= 0 &&
    (stock.amount as number) <= 999 &&
    typeof stock.managedByRetailer === 'boolean'
    ? []
    : [{ name, reason: 'amount must be an integer 0-999 and managedByRetailer a boolean.' }]
}

/** Checks a `fulfilment` object. */
export function fulfilmentViolations(fulfilment: unknown): BolViolation[] {
  return isRecord(fulfilment) && (fulfilment.method === 'FBR' || fulfilment.method === 'FBB')
    ? []
    : [{ name: 'fulfilment.method', reason: 'Request contains invalid value(s), allowed values: FBR, FBB.' }]
}

/** Checks a `CreateOfferRequest`. */
export function createOfferViolations(body: unknown): BolViolation[] {
  if (!isRecord(body)) return [{ name: 'body', reason: 'A JSON object is required.' }]
  const violations: BolViolation[] = []
  if (typeof body.ean !== 'string' || body.ean === '') violations.push({ name: 'ean', reason: 'Must not be empty.' })
  if (!isRecord(body.condition) || !conditions.includes(String(body.condition.name))) {
    violations.push({
      name: 'condition.name',
      reason: `Request contains invalid value(s), allowed values: ${conditions.join(', ')}.`,
    })
  }
  return [
    ...violations,
    ...pricingViolations(body.pricing),
    ...stockViolations(body.stock),
    ...fulfilmentViolations(body.fulfilment),
  ]
}

/** Builds an offer from a valid `CreateOfferRequest`. */
export function offerFromRequest(offerId: string, body: Record<string, unknown>, now: string): BolOffer {
  const condition = body.condition as Record<string, unknown>
  const pricing = body.pricing as { bundlePrices: Array<{ quantity: number; unitPrice: number }> }
  const stock = body.stock as { amount: number; managedByRetailer: boolean }
  const fulfilment = body.fulfilment as { method: 'FBR' | 'FBB'; deliveryCode?: string }
  return {
    offerId,
    ean: String(body.ean),
    reference: typeof body.reference === 'string' ? body.reference : undefined,
    onHoldByRetailer: body.onHoldByRetailer === true,
    unknownProductTitle: typeof body.unknownProductTitle === 'string' ? body.unknownProductTitle : undefined,
    condition: {
      name: String(condition.name),
      ...(typeof condition.category === 'string' ? { category: condition.category } : {}),
      ...(typeof condition.comment === 'string' ? { comment: condition.comment } : {}),
    },
    bundlePrices: pricing.bundlePrices.map(({ quantity, unitPrice }) => ({ quantity, unitPrice })),
    stock: { amount: stock.amount, managedByRetailer: stock.managedByRetailer },
    fulfilment: {
      method: fulfilment.method,
      ...(fulfilment.deliveryCode ? { deliveryCode: fulfilment.deliveryCode } : {}),
    },
    mutationDateTime: now,
  }
}

/** bol's `RetailerOffer` view of an offer. */
export function offerView(offer: BolOffer): Record<string, unknown> {
  return {
    offerId: offer.offerId,
    ean: offer.ean,
    ...(offer.reference !== undefined ? { reference: offer.reference } : {}),
    onHoldByRetailer: offer.onHoldByRetailer,
    ...(offer.unknownProductTitle !== undefined ? { unknownProductTitle: offer.unknownProductTitle } : {}),
    pricing: { bundlePrices: offer.bundlePrices },
    stock: {
      amount: offer.stock.amount,
      correctedStock: offer.stock.amount,
      managedByRetailer: offer.stock.managedByRetailer,
    },
    fulfilment: offer.fulfilment,
    store: {
      productTitle: offer.unknownProductTitle ?? 'Product',
      visible: [{ countryCode: 'NL' }, { countryCode: 'BE' }],
    },
    condition: offer.condition,
    notPublishableReasons: [],
  }
}

const csvHeader =
  'offerId,ean,conditionName,conditionCategory,conditionComment,bundlePricesPrice,fulfilmentDeliveryCode,stockAmount,onHoldByRetailer,fulfilmentType,mutationDateTime,referenceCode,correctedStock'

const csvCell = (value: unknown): string => {
  const text = value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The CSV of an offer export, in the column order of bol's export. */
export function offersCsv(offers: Iterable<BolOffer>): string {
  const rows = [...offers].map((offer) =>
    [
      offer.offerId,
      offer.ean,
      offer.condition.name,
      offer.condition.category,
      offer.condition.comment,
      offer.bundlePrices[0]?.unitPrice,
      offer.fulfilment.deliveryCode,
      offer.stock.amount,
      offer.onHoldByRetailer,
      offer.fulfilment.method,
      offer.mutationDateTime,
      offer.reference,
      offer.stock.amount,
    ]
      .map(csvCell)
      .join(','),
  )
  return `${[csvHeader, ...rows].join('\n')}\n`
}
