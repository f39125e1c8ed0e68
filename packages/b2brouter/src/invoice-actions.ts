import { withRequestId } from '@b2bkit/http'
import { pathSegment, readJson, requestEntity, send } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { B2BRouterCallOptions } from './call-options.js'
import type {
  Invoice,
  InvoiceDocumentType,
  InvoiceState,
  InvoiceValidation,
  SendInvoiceResult,
} from './invoice-types.js'

/**
 * The invoice actions of `client.invoices`.
 *
 * @example
 * ```ts
 * await client.invoices.send(invoice.id)
 * const xml = await client.invoices.download(invoice.id, 'xml.ubl.invoice.bis3')
 * ```
 */
export interface InvoiceActions {
  /**
   * Sends an invoice to its contact over the contact's transport. Not retried: sending twice is refused (422
   * `invoice_already_sent` on the emulator), so after a lost answer read the invoice's `state` instead.
   */
  send(id: number, options?: B2BRouterCallOptions): Promise<SendInvoiceResult>
  /**
   * Sets an invoice's state (`paid`, `accepted`, `refused`, …), with any extra fields the state takes (`paid_date`,
   * `reason`, `commit`). Setting the same state twice changes nothing, so this is retried after a failure.
   */
  markAs(
    id: number,
    state: InvoiceState,
    extra?: Record<string, unknown>,
    options?: B2BRouterCallOptions,
  ): Promise<Invoice>
  /** Checks an invoice against the rules of its format and transport without sending it. */
  validate(id: number, options?: B2BRouterCallOptions): Promise<InvoiceValidation>
  /**
   * Marks a (received) invoice as acknowledged, so lists filtered by `ack: false` skip it. Acknowledging twice changes
   * nothing, so this is retried after a failure.
   */
  acknowledge(id: number, params?: Record<string, unknown>, options?: B2BRouterCallOptions): Promise<Invoice>
  /** The invoice as a document: `'pdf.invoice'`, `'xml.ubl.invoice.bis3'`, … The bytes, with the request id attached. */
  download(id: number, documentType: InvoiceDocumentType, options?: B2BRouterCallOptions): Promise<Uint8Array>
}

/** Builds the actions part of `client.invoices` on a composed ky instance. */
export function invoiceActions(http: KyInstance): InvoiceActions {
  return {
    send: async (id, options = {}) =>
      readJson<SendInvoiceResult>(
        await send(http, `invoices/send_invoice/${pathSegment(id)}`, { ...options, method: 'POST' }),
      ),
    markAs: (id, state, extra = {}, options = {}) =>
      requestEntity(http, `invoices/${pathSegment(id)}/mark_as`, 'invoice', {
        ...options,
        method: 'POST',
        json: { ...extra, state },
        retrySafe: true,
      }),
    validate: async (id, options = {}) =>
      readJson<InvoiceValidation>(await send(http, `invoices/${pathSegment(id)}/validate`, options)),
    acknowledge: (id, params = { ack: true }, options = {}) =>
      requestEntity(http, `invoices/${pathSegment(id)}/ack`, 'invoice', {
        ...options,
        method: 'POST',
        json: params,
        retrySafe: true,
      }),
    download: async (id, documentType, options = {}) => {
      const accept = documentType.startsWith('pdf')
        ? 'application/pdf'
        : documentType === 'json'
          ? 'application/json'
          : 'application/xml'
      const response = await send(http, `invoices/${pathSegment(id)}/as/${pathSegment(documentType)}`, {
        ...options,
        headers: { accept },
      })
      const bytes = new Uint8Array(await response.arrayBuffer())
      return withRequestId(bytes, response)
    },
  }
}
