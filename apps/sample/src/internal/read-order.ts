// Step 1 of an order: read it from bol once and keep what the later steps need (the list answer has no prices).
import type { Order } from '@b2bkit/bol'
import type { OrderDetails } from '../job-state.ts'
import { OrderFailedError } from '../sample-errors.ts'
import type { StepContext } from './step-context.ts'

const cents = (amount: number) => Math.round(amount * 100) / 100

/** The parts of a bol order the job keeps in its state file; `OrderFailedError` when nothing is left of it. */
export function detailsOf(order: Order): OrderDetails {
  const address = order.shipmentDetails
  const name = [address.firstName, address.surname].filter(Boolean).join(' ')
  // What the customer still wants: cancelled units are neither shipped, invoiced nor bought.
  const lines = order.orderItems
    .map((item) => ({
      orderItemId: item.orderItemId,
      ean: item.product?.ean ?? '',
      title: item.product?.title ?? `Item ${item.orderItemId}`,
      quantity: item.quantity - item.quantityCancelled,
      openQuantity: Math.max(0, item.quantity - item.quantityShipped - item.quantityCancelled),
      unitPrice: item.unitPrice,
    }))
    .filter((line) => line.quantity > 0)
  if (lines.length === 0)
    throw new OrderFailedError('order', `order: every item of order ${order.orderId} was cancelled`)
  return {
    placedAt: order.orderPlacedDateTime,
    customer: {
      name: address.company ?? name,
      street: [address.streetName, address.houseNumber, address.houseNumberExtension].filter(Boolean).join(' '),
      zipCode: address.zipCode,
      city: address.city,
      countryCode: address.countryCode,
    },
    lines,
    total: cents(lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0)),
  }
}

/** Reads the order from bol and keeps its details in the state. */
export async function readOrder(context: StepContext, orderId: string): Promise<OrderDetails> {
  const { bol } = context.clients
  const order = await context.retry(() => bol.orders.get(orderId, { signal: context.signal }))
  const details = detailsOf(order)
  await context.state.update(orderId, (record) => {
    record.details = details
  })
  return details
}
