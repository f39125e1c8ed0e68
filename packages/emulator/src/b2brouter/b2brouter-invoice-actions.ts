import { isRecord, jsonBody, markApplied } from '../core/exchange.js'
import { bodyResponse, isResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { minimalPdf, ublInvoice } from '../internal/documents.js'
import { isoDateTime } from '../internal/fixtures.js'
import { invoiceTotals, invoiceView } from './b2brouter-invoice-view.js'
import { invoiceOf } from './b2brouter-invoices.js'
import { b2brouterError, b2brouterJson } from './b2brouter-responses.js'
import type { B2BrouterInvoice, B2BrouterState } from './b2brouter-state.js'

/** The states `mark_as` accepts. */
export const invoiceStates = [
  'new',
  'sent',
  'accepted',
  'registered',
  'paid',
  'refused',
  'closed',
  'cancelled',
] as const

/** Invoice actions: send, mark as a state, and download as PDF or UBL (Peppol BIS 3) XML. */
export function registerB2BrouterInvoiceActions(
  router: Router,
  state: B2BrouterState,
  runtime: Runtime,
  onStateChange: (invoice: B2BrouterInvoice) => void,
): void {
  const changeState = (invoice: B2BrouterInvoice, next: string) => {
    invoice.state = next
    invoice.updated_at = isoDateTime(runtime.clock.now())
    onStateChange(invoice)
  }

  router.on('POST', '/invoices/send_invoice/:invoiceId', (exchange) => {
    const invoice = invoiceOf(exchange, state)
    if (isResponse(invoice)) return invoice
    if (invoice.state !== 'new') {
      return b2brouterError(
        422,
        `Invoice ${invoice.id} was already sent (state ${invoice.state}).`,
        { invoice_id: invoice.id },
        'invoice_already_sent',
      )
    }
    changeState(invoice, 'sent')
    markApplied(exchange, { resourceId: String(invoice.id) })
    return b2brouterJson({ invoice: invoiceView(invoice) })
  })

  router.on('POST', '/invoices/:invoiceId/mark_as', (exchange) => {
    const invoice = invoiceOf(exchange, state)
    if (isResponse(invoice)) return invoice
    const body = jsonBody(exchange)
    const next = isRecord(body) ? body.state : undefined
    if (typeof next !== 'string' || !(invoiceStates as readonly string[]).includes(next)) {
      return b2brouterError(422, `state must be one of: ${invoiceStates.join(', ')}.`, {}, 'validation_failed')
    }
    if (invoice.state !== next) changeState(invoice, next)
    markApplied(exchange, { resourceId: String(invoice.id) })
    return b2brouterJson({ invoice: invoiceView(invoice) })
  })

  router.on('GET', '/invoices/:invoiceId/as/:documentType', (exchange) => {
    const invoice = invoiceOf(exchange, state)
    if (isResponse(invoice)) return invoice
    const documentType = exchange.params.documentType
    if (documentType === 'pdf.invoice') {
      return bodyResponse(200, minimalPdf(`Invoice ${invoice.number}`), 'application/pdf', {
        'content-disposition': `attachment; filename="${invoice.number}.pdf"`,
      })
    }
    if (documentType === 'xml.ubl.invoice.bis3') {
      const totals = invoiceTotals(invoice)
      const seller = state.accounts.get(invoice.account_id)
      const xml = ublInvoice({
        number: invoice.number,
        date: invoice.date,
        dueDate: invoice.due_date,
        currency: invoice.currency,
        sellerName: seller?.name ?? '',
        buyerName: invoice.contact_name,
        lines: invoice.lines,
        totalExcludingTax: totals.subtotal,
        taxAmount: totals.taxes,
      })
      return bodyResponse(200, xml, 'application/xml', {
        'content-disposition': `attachment; filename="${invoice.number}.xml"`,
      })
    }
    return b2brouterError(
      422,
      `Unknown document type ${documentType}; use pdf.invoice or xml.ubl.invoice.bis3.`,
      {},
      'unsupported_document_type',
    )
  })
}
