import { isUnprocessableEntityError, type ProblemError } from '@b2bkit/problem'
import { pathSegment, requestEntity } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { B2BRouterCallOptions, B2BRouterIterateOptions } from './call-options.js'
import { accountListing } from './internal/offset-pages.js'
import type { Invoice, InvoiceInput, InvoiceListParams } from './invoice-types.js'
import type { ListPage } from './types.js'

/**
 * Options of `invoices.create()`.
 *
 * @example
 * ```ts
 * await client.invoices.create(accountId, input, { ifExists: 'return', sendAfterImport: true })
 * ```
 */
export interface CreateInvoiceOptions extends B2BRouterCallOptions {
  /**
   * What to do when the account already has an invoice with this `number` (B2Brouter answers 422 `parameter_taken`,
   * the emulator `invoice_number_taken`): `'error'` throws that `UnprocessableEntityError`; `'return'` resolves with
   * the existing invoice, so a job that crashed after a create can run again and create nothing twice. With
   * `'return'` the create is also retried after a failure (5xx, timeout, reset): a repeat cannot make a second invoice.
   * @default 'error'
   */
  ifExists?: 'error' | 'return' | undefined
  /**
   * Process the invoice at once: queue it for sending (or issue it and its tax report, for the download transport).
   * @default false
   */
  sendAfterImport?: boolean | undefined
  /**
   * Mark the invoice as acknowledged.
   * @default false
   */
  ack?: boolean | undefined
}

/**
 * Options of `invoices.import()`.
 *
 * @example
 * ```ts
 * await client.invoices.import(accountId, ublXml, { sendAfterImport: true })
 * ```
 */
export interface ImportInvoiceOptions extends B2BRouterCallOptions {
  /**
   * The document's media type.
   * @default 'application/xml'
   */
  contentType?: string | undefined
  /** Process the invoice at once, as `create()`'s `sendAfterImport`. @default false */
  sendAfterImport?: boolean | undefined
  /** `false` imports the document as a received invoice. @default true */
  issued?: boolean | undefined
  /** The transport of the invoice's contact (`b2brouter`, `peppol`, `email`, …). @default the contact's */
  transportTypeCode?: string | undefined
  /** The document type of the invoice's contact. @default the contact's */
  documentTypeCode?: string | undefined
}

/**
 * The invoice CRUD part of `client.invoices`.
 *
 * @example
 * ```ts
 * const page = await client.invoices.list(accountId, { state: 'sent', limit: 50 })
 * ```
 */
export interface InvoiceCrud {
  /** One page of an account's invoices: `{ invoices, meta }`. */
  list(
    accountId: number,
    params?: InvoiceListParams,
    options?: B2BRouterCallOptions,
  ): Promise<ListPage<'invoices', Invoice>>
  /** Every invoice of an account, page after page (offset/limit, 100 per page unless `limit` says otherwise). */
  iterate(
    accountId: number,
    params?: InvoiceListParams,
    options?: B2BRouterIterateOptions,
  ): AsyncGenerator<Invoice, void, undefined>
  /** One invoice. */
  get(id: number, options?: B2BRouterCallOptions): Promise<Invoice>
  /** Creates an invoice from JSON; see `ifExists` for running a create twice safely. */
  create(accountId: number, input: InvoiceInput, options?: CreateInvoiceOptions): Promise<Invoice>
  /** Imports an invoice from a document (UBL, Facturae, CII …): the raw bytes are the request body. */
  import(accountId: number, document: string | Uint8Array | Blob, options?: ImportInvoiceOptions): Promise<Invoice>
  /** Changes an invoice that is still `new` (PUT). */
  update(id: number, change: Partial<InvoiceInput>, options?: B2BRouterCallOptions): Promise<Invoice>
  /** Deletes an invoice that is still `new`; resolves with the deleted invoice. */
  delete(id: number, options?: B2BRouterCallOptions): Promise<Invoice>
}

const takenCodes = new Set(['invoice_number_taken', 'parameter_taken'])

/** Whether a create was refused because the account already has an invoice with that number. */
function isNumberTaken(error: unknown): error is ProblemError {
  if (!isUnprocessableEntityError(error) || !takenCodes.has(error.providerCode ?? '')) return false
  // `parameter_taken` names the field in `param`; without one, the number lookup below decides.
  return error.violations.length === 0 || error.violations.some((violation) => violation.name === 'number')
}

/** The existing invoice's id, when the refusal names it (`{"error": {"invoice_id": 7}}`). */
function existingIdOf(error: ProblemError): number | undefined {
  const body = error.extensions.error
  const id = typeof body === 'object' && body !== null ? (body as { invoice_id?: unknown }).invoice_id : undefined
  return typeof id === 'number' ? id : undefined
}

/** Builds the CRUD part of `client.invoices` on a composed ky instance. */
export function invoiceCrud(http: KyInstance): InvoiceCrud {
  const { list, iterate } = accountListing<'invoices', Invoice, InvoiceListParams>(http, 'invoices')
  const get = (id: number, options: B2BRouterCallOptions = {}) =>
    requestEntity<Invoice>(http, `invoices/${pathSegment(id)}`, 'invoice', options)

  const findExisting = async (
    accountId: number,
    number: string,
    refusal: ProblemError,
    options: B2BRouterCallOptions,
  ) => {
    const id = existingIdOf(refusal)
    if (id !== undefined) return get(id, options)
    const page = await list(accountId, { number, limit: 25 }, options)
    const match = (page.invoices ?? []).find((invoice) => invoice.number === number)
    if (match === undefined) throw refusal
    return get(match.id, options)
  }

  return {
    list,
    iterate,
    get,
    create: async (accountId, input, options = {}) => {
      const { ifExists = 'error', sendAfterImport, ack, ...call } = options
      const json = { invoice: input, send_after_import: sendAfterImport, ack }
      try {
        return await requestEntity<Invoice>(http, `accounts/${pathSegment(accountId)}/invoices`, 'invoice', {
          ...call,
          method: 'POST',
          json,
          retrySafe: ifExists === 'return',
        })
      } catch (error) {
        if (ifExists !== 'return' || !isNumberTaken(error)) throw error
        return findExisting(accountId, input.number, error, call)
      }
    },
    import: (accountId, document, options = {}) => {
      const {
        contentType = 'application/xml',
        sendAfterImport,
        issued,
        transportTypeCode,
        documentTypeCode,
        ...call
      } = options
      return requestEntity(http, `accounts/${pathSegment(accountId)}/invoices/import`, 'invoice', {
        ...call,
        method: 'POST',
        // A copy, so a view on a shared or larger buffer sends exactly its own bytes.
        body: typeof document === 'string' || document instanceof Blob ? document : new Uint8Array(document),
        headers: { 'content-type': contentType },
        searchParams: {
          send_after_import: sendAfterImport,
          issued,
          transport_type_code: transportTypeCode,
          document_type_code: documentTypeCode,
        },
      })
    },
    update: (id, change, options = {}) =>
      requestEntity(http, `invoices/${pathSegment(id)}`, 'invoice', {
        ...options,
        method: 'PUT',
        json: { invoice: change },
      }),
    delete: (id, options = {}) =>
      requestEntity(http, `invoices/${pathSegment(id)}`, 'invoice', { ...options, method: 'DELETE' }),
  }
}
