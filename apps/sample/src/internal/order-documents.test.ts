import type { Order } from '@b2bkit/bol'
import { describe, expect, it } from 'vitest'
import { OrderFailedError } from '../sample-errors.ts'
import { proposalFor, updatedLabelOf } from './finance-proposal.ts'
import { invoiceFor } from './invoice-order.ts'
import { catalogOf, purchaseOrderFor } from './purchase-order.ts'
import { detailsOf } from './read-order.ts'

const item = (orderItemId: string, ean: string, quantity: number, unitPrice: number, cancelled = 0, shipped = 0) => ({
  orderItemId,
  cancellationRequest: false,
  product: { ean, title: `Product ${ean}` },
  quantity,
  quantityShipped: shipped,
  quantityCancelled: cancelled,
  unitPrice,
  totalPrice: unitPrice * quantity,
  discounts: [],
  commission: 1,
  latestChangedDateTime: '2026-01-01T00:00:00Z',
})

const order = (items: Order['orderItems']): Order => ({
  orderId: '1042',
  pickupPoint: false,
  orderPlacedDateTime: '2026-01-01T10:00:00Z',
  shipmentDetails: {
    salutation: 'FEMALE',
    firstName: 'Anna',
    surname: 'de Vries',
    streetName: 'Kerkstraat',
    houseNumber: '12',
    houseNumberExtension: 'B',
    zipCode: '1017 GC',
    city: 'Amsterdam',
    countryCode: 'NL',
  },
  orderItems: items,
})

describe('what the job makes of a bol order', () => {
  it('keeps the units still wanted, what is left to ship, the address and the total', () => {
    const details = detailsOf(
      order([item('A1', '8710000000011', 3, 24.2, 1), item('A2', '8710000000028', 1, 100, 0, 1)]),
    )
    expect(details).toEqual({
      placedAt: '2026-01-01T10:00:00Z',
      customer: {
        name: 'Anna de Vries',
        street: 'Kerkstraat 12 B',
        zipCode: '1017 GC',
        city: 'Amsterdam',
        countryCode: 'NL',
      },
      lines: [
        {
          orderItemId: 'A1',
          ean: '8710000000011',
          title: 'Product 8710000000011',
          quantity: 2,
          openQuantity: 2,
          unitPrice: 24.2,
        },
        {
          orderItemId: 'A2',
          ean: '8710000000028',
          title: 'Product 8710000000028',
          quantity: 1,
          openQuantity: 0,
          unitPrice: 100,
        },
      ],
      total: 148.4,
    })
  })

  it('gives up on an order whose every unit was cancelled', () => {
    expect(() => detailsOf(order([item('A1', '8710000000011', 2, 10, 2)]))).toThrow(OrderFailedError)
  })

  it('invoices the lines before VAT, under a number made from the order id', () => {
    const invoice = invoiceFor('1042', detailsOf(order([item('A1', '8710000000011', 2, 24.2)])))
    expect(invoice).toMatchObject({
      number: 'BOL-1042',
      currency: 'EUR',
      contact: { name: 'Anna de Vries', country: 'nl', postalcode: '1017 GC' },
      invoice_lines_attributes: [{ quantity: 2, price: 20, taxes_attributes: [{ category: 'S', percent: 21 }] }],
    })
  })

  it('buys each line from the supplier variant with its EAN, or names the EAN it cannot find', () => {
    const details = detailsOf(order([item('A1', '8710000000011', 2, 10)]))
    const catalog = catalogOf([{ _id: 'p1', variants: [{ _id: 'v1', sku: 'SKU-1', barcode: '8710000000011' }] }])
    expect(purchaseOrderFor('1042', details, catalog)).toMatchObject({
      buyerReference: 'bol-1042',
      address: { name: 'Anna de Vries', addressOne: 'Kerkstraat 12 B', zip: '1017 GC', country: 'NL' },
      items: [{ variantId: 'v1', quantity: 2, buyerReference: 'A1' }],
    })
    expect(() => purchaseOrderFor('1042', details, catalogOf([]))).toThrow('no variant with EAN 8710000000011')
  })

  it('finances the order total under a reference made from the order id, and labels it with the other documents', () => {
    const details = detailsOf(order([item('A1', '8710000000011', 2, 100)]))
    expect(proposalFor('1042', details, '7')).toMatchObject({
      introducerReference: 'bol-1042',
      officeId: '7',
      customer: { companyName: 'Anna de Vries' },
      assets: [{ cost: 200 }],
    })
    const record = {
      orderId: '1042',
      firstSeenAt: '',
      invoice: { id: 1, number: 'BOL-1042' },
      purchaseOrder: { id: 'po-9', placedAt: '' },
    }
    expect(updatedLabelOf(record)).toBe('bol.com order 1042 · invoice BOL-1042 · purchase order po-9')
  })
})
