// Step 4: order the goods from the supplier through Convictional's Buyer API, shipped straight to the customer. The
// buyerReference is unique per buyer, so the create is repeatable: `ifExists: 'return'` hands back the order an
// earlier attempt placed.
import type { BuyerOrderInput, ConvictionalClient, Product } from '@b2bkit/convictional'
import type { OrderDetails, OrderRecord } from '../job-state.ts'
import { OrderFailedError } from '../sample-errors.ts'
import type { StepContext, SupplierCatalog } from './step-context.ts'

/** The buyer reference of a bol order: the key that makes the create repeatable. */
export const buyerReferenceOf = (orderId: string) => `bol-${orderId}`

/** The supplier's variants by barcode (where bol's EAN is found) and by SKU. */
export function catalogOf(products: Iterable<Product>): SupplierCatalog {
  const catalog = new Map<string, NonNullable<Product['variants']>[number]>()
  for (const product of products) {
    for (const variant of product.variants ?? []) {
      if (variant.sku) catalog.set(variant.sku, variant)
      if (variant.barcode) catalog.set(variant.barcode, variant)
    }
  }
  return catalog
}

/** Reads the supplier's whole catalogue. */
export async function loadCatalog(convictional: ConvictionalClient, signal: AbortSignal): Promise<SupplierCatalog> {
  const products: Product[] = []
  for await (const product of convictional.buyer.products.iterate({}, { signal })) products.push(product)
  return catalogOf(products)
}

/** The purchase order for a bol order; throws `OrderFailedError` when the supplier does not sell a line's EAN. */
export function purchaseOrderFor(orderId: string, details: OrderDetails, catalog: SupplierCatalog): BuyerOrderInput {
  const items = details.lines.map((line) => {
    const variant = catalog.get(line.ean)
    if (variant === undefined) {
      throw new OrderFailedError('purchase order', `purchase order: the supplier sells no variant with EAN ${line.ean}`)
    }
    return { variantId: variant._id, quantity: line.quantity, buyerReference: line.orderItemId }
  })
  const { customer } = details
  return {
    buyerReference: buyerReferenceOf(orderId),
    address: {
      name: customer.name,
      addressOne: customer.street,
      city: customer.city,
      zip: customer.zipCode,
      country: customer.countryCode,
    },
    items,
    note: `bol.com order ${orderId}`,
  }
}

/** Places the purchase order (or finds the one an earlier attempt placed) and keeps its id. */
export async function placePurchaseOrder(context: StepContext, record: OrderRecord, details: OrderDetails) {
  const input = purchaseOrderFor(record.orderId, details, context.preflight.catalog)
  const { buyer } = context.clients.convictional
  const order = await context.retry(() => buyer.orders.create(input, { ifExists: 'return', signal: context.signal }))
  await context.state.update(record.orderId, (entry) => {
    entry.purchaseOrder = { id: order._id, placedAt: context.state.timestamp() }
  })
  context.completed('purchaseOrderPlaced')
}
