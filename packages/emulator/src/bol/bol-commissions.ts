import { isRecord, jsonBody } from '../core/exchange.js'
import type { Router } from '../core/router.js'
import { isValidEan } from '../internal/fixtures.js'
import { type BolContext, bolJson, bolRoute } from './bol-context.js'
import { bolProblem, validationProblem } from './bol-problem.js'

const conditions = ['NEW', 'AS_NEW', 'GOOD', 'REASONABLE', 'MODERATE']

/** The emulator's commission model: 0.99 fixed plus a percentage that depends on the EAN (deterministic). */
function percentageFor(ean: string): number {
  return 8 + (Number(ean.slice(-2)) % 10)
}

function commission(ean: string, condition: string, unitPrice: number) {
  const percentage = percentageFor(ean)
  const fixedAmount = 0.99
  const totalCost = Math.round((fixedAmount + (unitPrice * percentage) / 100) * 100) / 100
  return {
    ean,
    condition,
    unitPrice,
    fixedAmount,
    percentage,
    totalCost,
    totalCostWithoutReduction: totalCost,
    reductions: [],
  }
}

/** Commissions: `GET /retailer/commission/{ean}`, bulk `POST /retailer/commission` and rates `POST /retailer/commissions` (207). */
export function registerBolCommissionRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/retailer/commission/:ean', (exchange) => {
    const ean = exchange.params.ean ?? ''
    const unitPrice = Number(exchange.query.get('unit-price'))
    const condition = exchange.query.get('condition') ?? 'NEW'
    const invalid = validationProblem(exchange, [
      ...(exchange.query.has('unit-price') && unitPrice >= 0 && unitPrice <= 9999
        ? []
        : [{ name: 'unit-price', reason: 'Required; a number from 0 to 9999.' }]),
      ...(conditions.includes(condition)
        ? []
        : [{ name: 'condition', reason: `Allowed values: ${conditions.join(', ')}.` }]),
    ])
    if (invalid) return invalid
    if (!isValidEan(ean)) return bolProblem(exchange, 404, `No commission known for EAN ${ean}.`)
    return bolJson(commission(ean, condition, unitPrice))
  })

  bolRoute(router, context, 'POST', '/retailer/commission', (exchange) => {
    const body = jsonBody(exchange)
    const queries = isRecord(body) && Array.isArray(body.commissionQueries) ? body.commissionQueries : []
    const invalid = validationProblem(
      exchange,
      queries.length < 1 ||
        queries.length > 100 ||
        !queries.every(
          (query) => isRecord(query) && typeof query.ean === 'string' && typeof query.unitPrice === 'number',
        )
        ? [{ name: 'commissionQueries', reason: 'Between 1 and 100 queries with ean and unitPrice are required.' }]
        : [],
    )
    if (invalid) return invalid
    return bolJson({
      commissions: (queries as Array<{ ean: string; unitPrice: number; condition?: string }>).map((query) =>
        commission(query.ean, query.condition ?? 'NEW', query.unitPrice),
      ),
    })
  })

  bolRoute(router, context, 'POST', '/retailer/commissions', (exchange) => {
    const body = jsonBody(exchange)
    const products = isRecord(body) && Array.isArray(body.products) ? body.products : []
    const invalid = validationProblem(
      exchange,
      products.length < 1 || products.length > 100
        ? [{ name: 'products', reason: 'Between 1 and 100 products are required.' }]
        : [],
    )
    if (invalid) return invalid
    const successfulQueries: unknown[] = []
    const failedQueries: unknown[] = []
    products.forEach((product, index) => {
      const ean = isRecord(product) && typeof product.ean === 'string' ? product.ean : ''
      if (!isValidEan(ean)) {
        failedQueries.push({
          index,
          status: 404,
          violations: [{ name: 'ean', reason: `No commission known for EAN '${ean}'.` }],
        })
        return
      }
      const rates = conditions.map((condition) => ({
        condition,
        priceRanges: [
          {
            range: { lower: 0, upper: 9999 },
            fixedAmount: 0.99,
            percentage: percentageFor(ean),
            reductionApplied: false,
          },
        ],
      }))
      successfulQueries.push({
        index,
        status: 200,
        commissionRates: [{ ean, dateRanges: [{ startDate: '2025-01-01', endDate: '2099-12-31', rates }] }],
      })
    })
    return bolJson({ successfulQueries, failedQueries }, 207)
  })
}
