import { bodyResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import { minimalPdf } from '../internal/documents.js'
import { type BolContext, bolJson, bolRoute } from './bol-context.js'
import { negotiatedType } from './bol-media-types.js'
import { bolProblem } from './bol-problem.js'

/**
 * Invoices. bol's document types these bodies as opaque bytes (`type: string, format: byte`); the emulator
 * sends JSON shaped like bol's invoice list and a tiny PDF when `Accept` asks for `+pdf`.
 */
export function registerBolInvoiceRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/retailer/invoices', (exchange) => {
    const start = exchange.query.get('period-start-date')
    const end = exchange.query.get('period-end-date')
    const invoices = [...context.state.invoices.values()].filter(
      (invoice) =>
        (start === null || invoice.periodEndDate >= start) && (end === null || invoice.periodStartDate <= end),
    )
    return bolJson({
      invoiceListItems: invoices.map((invoice) => ({
        invoiceId: invoice.invoiceId,
        invoiceMediaTypes: {
          availableMediaTypes: ['application/vnd.retailer.v10+json', 'application/vnd.retailer.v10+pdf'],
        },
        invoiceType: 'SALES_INVOICE',
        issueDate: invoice.issueDate,
        invoicePeriod: { startDate: invoice.periodStartDate, endDate: invoice.periodEndDate },
        legalMonetaryTotal: {
          taxExclusiveAmount: { amount: invoice.totalAmountExcludingVat, currencyID: 'EUR' },
          taxInclusiveAmount: { amount: invoice.totalAmountIncludingVat, currencyID: 'EUR' },
        },
      })),
      period: `${start ?? ''}/${end ?? ''}`,
    })
  })

  bolRoute(router, context, 'GET', '/retailer/invoices/:invoiceId', (exchange) => {
    const invoice = context.state.invoices.get(exchange.params.invoiceId ?? '')
    if (!invoice) return bolProblem(exchange, 404, `Invoice ${exchange.params.invoiceId} not found.`)
    if (negotiatedType(exchange) === 'application/vnd.retailer.v10+pdf') {
      return bodyResponse(200, minimalPdf(`bol.com invoice ${invoice.invoiceId}`), 'application/vnd.retailer.v10+pdf')
    }
    return bolJson({
      invoiceId: invoice.invoiceId,
      issueDate: invoice.issueDate,
      legalMonetaryTotal: { payableAmount: invoice.totalAmountIncludingVat },
    })
  })
}
