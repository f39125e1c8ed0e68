import { type Exchange, isRecord, jsonBody, markApplied } from '../core/exchange.js'
import { isResponse, type ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { isoDate, isoDateTime } from '../internal/fixtures.js'
import { accountOf } from './b2brouter-accounts.js'
import { type FieldError, readDate, readInvoiceLines } from './b2brouter-invoice-input.js'
import { invoiceView } from './b2brouter-invoice-view.js'
import { b2brouterError, b2brouterJson, listPage, offsetAndLimit } from './b2brouter-responses.js'
import type { B2BrouterInvoice, B2BrouterState } from './b2brouter-state.js'

/** The invoice in the path, or a 404. */
export function invoiceOf(exchange: Exchange, state: B2BrouterState): B2BrouterInvoice | ResponseDraft {
  return (
    state.invoices.get(Number(exchange.params.invoiceId)) ??
    b2brouterError(404, `Invoice ${exchange.params.invoiceId} not found.`)
  )
}

/** The invoice in the path when it can still change (state `new`); a 404 or a 422 `invoice_not_editable` otherwise. */
function editableInvoiceOf(exchange: Exchange, state: B2BrouterState): B2BrouterInvoice | ResponseDraft {
  const invoice = invoiceOf(exchange, state)
  if (isResponse(invoice) || invoice.state === 'new') return invoice
  return b2brouterError(422, `Invoice in state ${invoice.state} can no longer be changed.`, {}, 'invoice_not_editable')
}

const invalid = (errors: FieldError[]) =>
  b2brouterError(
    422,
    errors.map((error) => `${error.field} ${error.message}`).join('; '),
    { details: errors },
    'validation_failed',
  )

/**
 * Invoices: create, get, list (offset / limit, `number`, `state`, `date_from`, `date_to`), update and delete.
 * The invoice `number` is unique per account: a second create with the same number answers 422
 * `invoice_number_taken` with the existing invoice's id, so a client that lost the answer to a create can
 * retry safely and learn whether the first one landed.
 */
export function registerB2BrouterInvoiceRoutes(
  router: Router,
  state: B2BrouterState,
  runtime: Runtime,
  onCreated: (invoice: B2BrouterInvoice, sendNow: boolean) => void,
): void {
  router.on('POST', '/accounts/:accountId/invoices', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    const body = jsonBody(exchange)
    const fields = isRecord(body) && isRecord(body.invoice) ? body.invoice : undefined
    if (!fields || !isRecord(body))
      return b2brouterError(400, 'The body must be a JSON object with an "invoice" object.')
    const errors: FieldError[] = []
    if (typeof fields.number !== 'string' || fields.number === '')
      errors.push({ field: 'number', message: "can't be blank" })
    const lines = readInvoiceLines(fields.invoice_lines_attributes, errors)
    const now = runtime.clock.now()
    const date = readDate(fields, 'date', isoDate(now), errors)
    const dueDate = readDate(fields, 'due_date', isoDate(Date.parse(date) + 30 * 86_400_000), errors)
    const contact = typeof fields.contact_id === 'number' ? state.contacts.get(fields.contact_id) : undefined
    if (fields.contact_id !== undefined && !contact) errors.push({ field: 'contact_id', message: 'does not exist' })
    if (errors.length > 0) return invalid(errors)
    const taken = [...state.invoices.values()].find(
      (invoice) => invoice.account_id === account.id && invoice.number === fields.number,
    )
    if (taken) {
      return b2brouterError(
        422,
        `Number ${taken.number} has already been taken.`,
        { invoice_id: taken.id },
        'invoice_number_taken',
      )
    }
    const inlineContact =
      isRecord(fields.contact) && typeof fields.contact.name === 'string' ? fields.contact.name : undefined
    const invoice: B2BrouterInvoice = {
      id: ++state.sequences.invoice,
      account_id: account.id,
      number: String(fields.number),
      date,
      due_date: dueDate,
      currency: typeof fields.currency === 'string' ? fields.currency : 'EUR',
      state: 'new',
      contact_id: contact?.id,
      contact_name: contact?.name ?? inlineContact ?? 'Unknown',
      lines,
      created_at: isoDateTime(now),
      updated_at: isoDateTime(now),
    }
    state.invoices.set(invoice.id, invoice)
    markApplied(exchange, { resourceId: String(invoice.id) })
    onCreated(invoice, body.send_after_import === true)
    return b2brouterJson({ invoice: invoiceView(invoice) }, 201)
  })

  router.on('GET', '/accounts/:accountId/invoices', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    const page = offsetAndLimit(exchange)
    if (isResponse(page)) return page
    const { query } = exchange
    const matching = [...state.invoices.values()].filter(
      (invoice) =>
        invoice.account_id === account.id &&
        (!query.has('number') || invoice.number === query.get('number')) &&
        (!query.has('state') || invoice.state === query.get('state')) &&
        (!query.has('date_from') || invoice.date >= String(query.get('date_from'))) &&
        (!query.has('date_to') || invoice.date <= String(query.get('date_to'))),
    )
    return listPage('invoices', matching.map(invoiceView), page)
  })

  router.on('GET', '/invoices/:invoiceId', (exchange) => {
    const invoice = invoiceOf(exchange, state)
    return isResponse(invoice) ? invoice : b2brouterJson({ invoice: invoiceView(invoice) })
  })

  router.on('PUT', '/invoices/:invoiceId', (exchange) => {
    const invoice = editableInvoiceOf(exchange, state)
    if (isResponse(invoice)) return invoice
    const body = jsonBody(exchange)
    const fields = isRecord(body) && isRecord(body.invoice) ? body.invoice : undefined
    if (!fields) return b2brouterError(400, 'The body must be a JSON object with an "invoice" object.')
    const errors: FieldError[] = []
    const lines =
      fields.invoice_lines_attributes === undefined
        ? invoice.lines
        : readInvoiceLines(fields.invoice_lines_attributes, errors)
    const date = readDate(fields, 'date', invoice.date, errors)
    const dueDate = readDate(fields, 'due_date', invoice.due_date, errors)
    if (errors.length > 0) return invalid(errors)
    Object.assign(invoice, { lines, date, due_date: dueDate, updated_at: isoDateTime(runtime.clock.now()) })
    markApplied(exchange, { resourceId: String(invoice.id) })
    return b2brouterJson({ invoice: invoiceView(invoice) })
  })

  router.on('DELETE', '/invoices/:invoiceId', (exchange) => {
    const invoice = editableInvoiceOf(exchange, state)
    if (isResponse(invoice)) return invoice
    state.invoices.delete(invoice.id)
    markApplied(exchange, { resourceId: String(invoice.id) })
    return b2brouterJson({ invoice: invoiceView(invoice) })
  })
}
