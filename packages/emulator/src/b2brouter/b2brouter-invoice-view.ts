import type { B2BrouterInvoice } from './b2brouter-state.js'

const round = (value: number) => Math.round(value * 100) / 100

/** Subtotal, tax and total of an invoice. */
export function invoiceTotals(invoice: B2BrouterInvoice): { subtotal: number; taxes: number; total: number } {
  const subtotal = round(invoice.lines.reduce((sum, line) => sum + line.quantity * line.price, 0))
  const taxes = round(
    invoice.lines.reduce(
      (sum, line) =>
        sum + line.taxes.reduce((lineSum, tax) => lineSum + (line.quantity * line.price * tax.percent) / 100, 0),
      0,
    ),
  )
  return { subtotal, taxes, total: round(subtotal + taxes) }
}

/** The invoice as the API shows it. */
export function invoiceView(invoice: B2BrouterInvoice): Record<string, unknown> {
  const totals = invoiceTotals(invoice)
  return {
    id: invoice.id,
    account_id: invoice.account_id,
    type: 'IssuedInvoice',
    number: invoice.number,
    date: invoice.date,
    due_date: invoice.due_date,
    currency: invoice.currency,
    state: invoice.state,
    contact: { id: invoice.contact_id ?? null, name: invoice.contact_name },
    lines: invoice.lines.map((line, index) => ({ id: index + 1, ...line })),
    subtotal: totals.subtotal,
    tax_amount: totals.taxes,
    total: totals.total,
    created_at: invoice.created_at,
    updated_at: invoice.updated_at,
  }
}
