// Test helpers: read from the emulators' own state what exists for each bol order, so a test can say "every order was
// shipped, invoiced, ordered and financed exactly once" without trusting the app's state file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DemoWorld } from '../src/demo-world.ts'

/** The open FBR orders the bol emulator was seeded with, and each one's total. */
export function seededOpenOrders(world: DemoWorld): Array<{ orderId: string; total: number }> {
  return [...world.emulators.bol.state.orders.values()]
    .filter((order) =>
      order.orderItems.every((item) => item.fulfilmentMethod === 'FBR' && item.quantityShipped < item.quantity),
    )
    .map((order) => ({
      orderId: order.orderId,
      total: order.orderItems.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0),
    }))
}

/** What each provider holds for one order. */
export interface OrderFootprint {
  orderId: string
  shipments: number
  invoices: number
  sentInvoices: number
  purchaseOrders: number
  proposals: number
  updatedProposals: number
}

/** Counts, in the emulators' state, what exists for each order. */
export function footprints(world: DemoWorld, orderIds: readonly string[]): OrderFootprint[] {
  const { bol, b2brouter, convictional, siesmart } = world.emulators
  return orderIds.map((orderId) => {
    const invoices = [...b2brouter.state.invoices.values()].filter((invoice) => invoice.number === `BOL-${orderId}`)
    const proposals = [...siesmart.state.proposals.values()].filter(
      (proposal) => proposal.fields.introducerReference === `bol-${orderId}`,
    )
    return {
      orderId,
      shipments: [...bol.state.shipments.values()].filter((shipment) => shipment.orderId === orderId).length,
      invoices: invoices.length,
      sentInvoices: invoices.filter((invoice) => invoice.state === 'sent').length,
      purchaseOrders: [...convictional.state.orders.values()].filter(
        (order) => order.buyerReference === `bol-${orderId}`,
      ).length,
      proposals: proposals.length,
      updatedProposals: proposals.filter((proposal) => String(proposal.fields.label).includes(`invoice BOL-${orderId}`))
        .length,
    }
  })
}

/** What `footprints()` must say when every order went through every step once. */
export function exactlyOnce(orders: ReadonlyArray<{ orderId: string; total: number }>, threshold: number) {
  return orders.map(({ orderId, total }) => {
    const financed = total > threshold ? 1 : 0
    return {
      orderId,
      shipments: 1,
      invoices: 1,
      sentInvoices: 1,
      purchaseOrders: 1,
      proposals: financed,
      updatedProposals: financed,
    }
  })
}

/** Applied writes per emulator: what changed state. */
export function appliedWrites(world: DemoWorld): Record<string, number> {
  return Object.fromEntries(
    Object.entries(world.emulators).map(([name, emulator]) => [
      name,
      emulator.writes.filter((write) => write.applied).length,
    ]),
  )
}

/** A fresh temporary directory, removed by the returned function. */
export async function temporaryDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'b2bkit-sample-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}
