// Step 3: issue the invoice in B2Brouter and send it. The invoice number is unique per account, so the create is
// repeatable (`ifExists: 'return'` hands back the invoice an earlier attempt made); the send is not, so it goes
// through writeOnce(): after a lost answer the job reads the invoice's state before it sends again.
import type { Invoice, InvoiceInput } from '@b2bkit/b2brouter'
import { isUnprocessableEntityError } from '@b2bkit/problem'
import type { OrderDetails, OrderRecord } from '../job-state.ts'
import type { StepContext } from './step-context.ts'
import { writeOnce } from './write-once.ts'

/** bol's prices include Dutch VAT; B2Brouter wants the price before tax and the tax rate. */
const vatPercent = 21
const beforeVat = (price: number) => Math.round((price / (1 + vatPercent / 100)) * 100) / 100

/** The invoice number of a bol order: the key that makes the create repeatable. */
export const invoiceNumberOf = (orderId: string) => `BOL-${orderId}`

/** The B2Brouter invoice for a bol order. */
export function invoiceFor(orderId: string, details: OrderDetails): InvoiceInput {
  const { customer } = details
  return {
    number: invoiceNumberOf(orderId),
    currency: 'EUR',
    contact: {
      name: customer.name,
      address: customer.street,
      postalcode: customer.zipCode,
      city: customer.city,
      country: customer.countryCode.toLowerCase(),
    },
    invoice_lines_attributes: details.lines.map((line) => ({
      description: line.title,
      quantity: line.quantity,
      price: beforeVat(line.unitPrice),
      taxes_attributes: [{ name: 'VAT', category: 'S', percent: vatPercent }],
    })),
  }
}

const isSent = (invoice: Invoice) => invoice.state !== undefined && invoice.state !== 'new'

/** Creates the invoice (or finds the one an earlier attempt created) and keeps its id. */
export async function createInvoice(context: StepContext, record: OrderRecord, details: OrderDetails) {
  const { b2brouter } = context.clients
  const { accountId } = context.config.b2brouter
  const invoice = await context.retry(() =>
    b2brouter.invoices.create(accountId, invoiceFor(record.orderId, details), {
      ifExists: 'return',
      signal: context.signal,
    }),
  )
  const created = { id: invoice.id, number: invoice.number ?? invoiceNumberOf(record.orderId) }
  await context.state.update(record.orderId, (order) => {
    order.invoice = isSent(invoice) ? { ...created, sentAt: context.state.timestamp() } : created
  })
  context.completed('invoiceCreated')
  if (isSent(invoice)) context.completed('invoiceSent')
}

/** Sends the invoice once, and keeps when. `mayExist`: an earlier run may have sent it already. */
export async function sendInvoice(context: StepContext, record: OrderRecord, mayExist: boolean): Promise<void> {
  const { b2brouter } = context.clients
  const invoice = record.invoice
  if (invoice === undefined) throw new RangeError(`order ${record.orderId} has no invoice to send`)
  const find = async () => {
    const current = await context.retry(() => b2brouter.invoices.get(invoice.id, { signal: context.signal }))
    return isSent(current) ? true : undefined
  }
  await writeOnce(context, {
    findFirst: mayExist,
    find,
    write: async () => {
      await b2brouter.invoices.send(invoice.id, { signal: context.signal })
      return true
    },
    // A refused send (the emulator says `invoice_already_sent`) may mean an earlier one went through: read it.
    recover: async (error) => (isUnprocessableEntityError(error) ? find() : undefined),
  })
  await context.state.update(record.orderId, (order) => {
    order.invoice = { ...invoice, sentAt: context.state.timestamp() }
  })
  context.completed('invoiceSent')
}
