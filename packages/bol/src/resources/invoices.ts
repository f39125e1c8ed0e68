import { retailerPdf } from '../internal/media-types.js'
import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { BolCallOptions } from '../types/common.js'
import type { Invoice, InvoiceList, ListInvoicesParams } from '../types/invoices.js'

/** Invoices: the list of a period, one invoice as JSON or as PDF. */
export interface InvoicesResource {
  /** The invoices of a period (bol allows at most 31 days; without dates, the last four weeks). */
  list(params?: ListInvoicesParams, options?: BolCallOptions): Promise<InvoiceList>
  /** One invoice as JSON; `NotFoundError` for an unknown id. */
  get(invoiceId: string, options?: BolCallOptions): Promise<Invoice>
  /** One invoice as a PDF document. */
  getPdf(invoiceId: string, options?: BolCallOptions): Promise<Uint8Array>
}

/** The invoices resource. */
export function invoicesResource(context: ResourceContext): InvoicesResource {
  const path = context.retailer('invoices')
  return {
    list: async (params = {}, options) => {
      const query = { 'period-start-date': params.periodStartDate, 'period-end-date': params.periodEndDate }
      const list = await context.transport.json<Partial<InvoiceList>>({ path, query }, options)
      list.invoiceListItems ??= []
      return list as InvoiceList
    },
    get: (invoiceId, options) => context.transport.json<Invoice>({ path: `${path}/${segment(invoiceId)}` }, options),
    getPdf: async (invoiceId, options) => {
      const response = await context.transport.send(
        { path: `${path}/${segment(invoiceId)}`, accept: retailerPdf },
        options,
      )
      return new Uint8Array(await response.arrayBuffer())
    },
  }
}
