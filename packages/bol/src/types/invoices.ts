/** An amount with its currency. */
export interface InvoiceAmount {
  amount: number
  currencyID: string
}

/**
 * One invoice in the invoice list. bol's OpenAPI document types the invoice bodies as opaque bytes; these fields
 * follow the JSON bol sends, and any others come through as they are.
 */
export interface InvoiceListItem {
  invoiceId: string
  invoiceMediaTypes?: { availableMediaTypes: string[] }
  specificationMediaTypes?: { availableMediaTypes: string[] }
  invoiceType?: string
  issueDate?: string
  invoicePeriod?: { startDate: string; endDate: string }
  legalMonetaryTotal?: {
    lineExtensionAmount?: InvoiceAmount
    taxExclusiveAmount?: InvoiceAmount
    taxInclusiveAmount?: InvoiceAmount
    allowanceTotalAmount?: InvoiceAmount
    payableAmount?: InvoiceAmount
  }
  [field: string]: unknown
}

/** The answer of `invoices.list()`. */
export interface InvoiceList {
  invoiceListItems: InvoiceListItem[]
  /** The period the list covers. */
  period?: string
  [field: string]: unknown
}

/** The filters of `invoices.list()`: a period of at most 31 days (bol's rule); without it, the last 4 weeks. */
export interface ListInvoicesParams {
  /** The first day (`YYYY-MM-DD`). */
  periodStartDate?: string | undefined
  /** The last day (`YYYY-MM-DD`). */
  periodEndDate?: string | undefined
}

/** One invoice as JSON (a UBL-shaped document); bol's OpenAPI document does not describe its fields. */
export interface Invoice {
  invoiceId?: string
  [field: string]: unknown
}
