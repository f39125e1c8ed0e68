import type { PageParams } from './types.js'

/**
 * A tax on an invoice line.
 *
 * @example
 * ```ts
 * const vat: InvoiceTax = { name: 'VAT', category: 'S', percent: 21 }
 * ```
 */
export interface InvoiceTax {
  /** The tax's name (`VAT`, `IVA`). */
  name?: string | undefined
  /** The tax category (`S` standard, `Z` zero, `E` exempt, `AE` reverse charge, …). */
  category?: string | undefined
  /** The rate in percent. */
  percent?: number | undefined
  [field: string]: unknown
}

/**
 * A line of an invoice to create or update.
 *
 * @example
 * ```ts
 * const line: InvoiceLineInput = { description: 'Widget', quantity: 2, price: 10, taxes_attributes: [vat] }
 * ```
 */
export interface InvoiceLineInput {
  description?: string | undefined
  quantity: number
  price: number
  taxes_attributes?: InvoiceTax[] | undefined
  [field: string]: unknown
}

/**
 * The states an invoice can be marked as.
 *
 * @example
 * ```ts
 * await client.invoices.markAs(id, 'accepted' satisfies InvoiceState)
 * ```
 */
export type InvoiceState =
  | 'new'
  | 'sending'
  | 'sent'
  | 'error'
  | 'accepted'
  | 'registered'
  | 'paid'
  | 'allegedly_paid'
  | 'refused'
  | 'closed'
  | 'cancelled'
  | 'received'

/**
 * What creating an invoice needs. The `number` is unique per account: B2Brouter refuses a second invoice with it.
 *
 * @example
 * ```ts
 * const input: InvoiceInput = { number: 'INV-1', contact_id: 12, invoice_lines_attributes: [line] }
 * ```
 */
export interface InvoiceInput {
  /** The invoice number, unique per account; b2bkit uses it to find an invoice a lost answer created. */
  number: string
  /** The issue date (`YYYY-MM-DD`). @default today */
  date?: string | undefined
  /** The due date (`YYYY-MM-DD`). */
  due_date?: string | undefined
  /** The ISO 4217 currency. @default the account's */
  currency?: string | undefined
  /** An existing contact of the account. */
  contact_id?: number | undefined
  /** A contact given inline, when there is no `contact_id`. */
  contact?: Record<string, unknown> | undefined
  /** The lines. */
  invoice_lines_attributes: InvoiceLineInput[]
  /** `IssuedInvoice` (default) or `ReceivedInvoice`. */
  type?: string | undefined
  [field: string]: unknown
}

/**
 * An invoice as the API returns it.
 *
 * @example
 * ```ts
 * const invoice: Invoice = await client.invoices.get(7)
 * console.log(invoice.state, invoice.total)
 * ```
 */
export interface Invoice {
  /** The invoice id, used in `/invoices/{id}` paths. */
  id: number
  /** The account that issued (or received) it. */
  account_id?: number | undefined
  /** The invoice number. */
  number?: string | undefined
  /** `IssuedInvoice` or `ReceivedInvoice`. */
  type?: string | undefined
  /** Where the invoice is in its life. */
  state?: InvoiceState | (string & {}) | undefined
  date?: string | undefined
  due_date?: string | undefined
  currency?: string | undefined
  /** The amount before tax. */
  subtotal?: number | undefined
  /** The tax. */
  tax_amount?: number | undefined
  /** The amount with tax. */
  total?: number | undefined
  /** Whether the invoice was acknowledged (`ack`). */
  ack?: boolean | undefined
  [field: string]: unknown
}

/**
 * Filters of an invoice list.
 *
 * @example
 * ```ts
 * await client.invoices.list(accountId, { date_from: '2026-01-01', state: 'sent' } satisfies InvoiceListParams)
 * ```
 */
export interface InvoiceListParams extends PageParams {
  /** The invoice with this number. */
  number?: string | undefined
  /** Invoices in this state. */
  state?: string | undefined
  /** `IssuedInvoice` or `ReceivedInvoice`. */
  type?: string | undefined
  /** Issued on or after this date (`YYYY-MM-DD`). */
  date_from?: string | undefined
  /** Issued on or before this date (`YYYY-MM-DD`). */
  date_to?: string | undefined
  /** Only acknowledged (or unacknowledged) invoices. */
  ack?: boolean | undefined
  [filter: string]: string | number | boolean | undefined
}

/**
 * The document types an invoice downloads as. These are the common ones; an account may offer more, so any string
 * is accepted.
 *
 * @example
 * ```ts
 * await client.invoices.download(id, 'pdf.invoice' satisfies InvoiceDocumentType)
 * ```
 */
export type InvoiceDocumentType = 'pdf.invoice' | 'xml.ubl.invoice.bis3' | 'xml.facturae.3.2.2' | 'json' | (string & {})

/**
 * What validating an invoice found.
 *
 * @example
 * ```ts
 * const { valid, errors }: InvoiceValidation = await client.invoices.validate(id)
 * ```
 */
export interface InvoiceValidation {
  /** Whether the invoice can be sent as it is. */
  valid?: boolean | undefined
  /** What is wrong, when it is not. */
  errors?: unknown[] | undefined
  [field: string]: unknown
}

/**
 * What sending an invoice answers.
 *
 * @example
 * ```ts
 * const { invoice }: SendInvoiceResult = await client.invoices.send(id)
 * ```
 */
export interface SendInvoiceResult {
  /** The invoice, now being sent. */
  invoice?: Invoice | undefined
  /** Tax reports generated on sending (VeriFactu, TicketBAI, …). */
  tax_report_ids?: Array<number | string> | undefined
  [field: string]: unknown
}
