import { isRecord } from '../core/exchange.js'
import type { B2BrouterInvoiceLine } from './b2brouter-state.js'

/** One problem with an invoice body. */
export interface FieldError {
  field: string
  message: string
}

/** Reads `invoice_lines_attributes` into lines, collecting field errors. */
export function readInvoiceLines(value: unknown, errors: FieldError[]): B2BrouterInvoiceLine[] {
  if (!Array.isArray(value) || value.length === 0) {
    errors.push({ field: 'invoice_lines_attributes', message: 'at least one line is required' })
    return []
  }
  return value.map((line, index) => {
    if (!isRecord(line) || typeof line.quantity !== 'number' || typeof line.price !== 'number') {
      errors.push({ field: `invoice_lines_attributes[${index}]`, message: 'quantity and price must be numbers' })
      return { description: '', quantity: 0, price: 0, taxes: [] }
    }
    const taxes = Array.isArray(line.taxes_attributes)
      ? line.taxes_attributes.filter(isRecord).map((tax) => ({
          name: typeof tax.name === 'string' ? tax.name : 'VAT',
          category: typeof tax.category === 'string' ? tax.category : 'S',
          percent: typeof tax.percent === 'number' ? tax.percent : 0,
        }))
      : []
    return {
      description: typeof line.description === 'string' ? line.description : '',
      quantity: line.quantity,
      price: line.price,
      taxes,
    }
  })
}

/** An ISO date (`YYYY-MM-DD`) field, or the fallback; records an error when present but malformed. */
export function readDate(
  fields: Record<string, unknown>,
  name: string,
  fallback: string,
  errors: FieldError[],
): string {
  const value = fields[name]
  if (value === undefined) return fallback
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  errors.push({ field: name, message: 'must be a date (YYYY-MM-DD)' })
  return fallback
}
