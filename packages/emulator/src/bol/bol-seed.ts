import type { Random } from '../core/random.js'
import {
  fakeAddress,
  fakeEan,
  fakePerson,
  fakePrice,
  fakeProductTitle,
  isoDate,
  isoDateTime,
  seedEpochMs,
} from '../internal/fixtures.js'
import type { BolAddress, BolOffer, BolOrder, BolOrderItem, BolState } from './bol-state.js'

/** How much data the bol emulator starts with. */
export interface BolSeedOptions {
  /** FBR orders with every item still open. @default 25 */
  openOrders?: number
  /** FBR orders already shipped (each with a shipment). @default 5 */
  shippedOrders?: number
  /** Open orders fulfilled by bol (FBB). @default 2 */
  fbbOrders?: number
  /** Offers. @default 10 */
  offers?: number
  /** Returns (of shipped orders). @default 3 */
  returns?: number
  /** The retailer id in push notifications. @default 1234567 */
  retailerId?: number
}

const hourMs = 3_600_000

function address(random: Random): BolAddress {
  const person = fakePerson(random)
  const place = fakeAddress(random)
  return {
    salutation: random.pick(['MALE', 'FEMALE', 'UNKNOWN'] as const),
    firstName: person.firstName,
    surname: person.surname,
    streetName: place.street,
    houseNumber: place.houseNumber,
    zipCode: place.zipCode,
    city: place.city,
    countryCode: 'NL',
    email: person.email.replace('@example.com', '@verkopen.example.com'),
    language: 'nl',
  }
}

function offer(random: Random, index: number): BolOffer {
  return {
    offerId: random.uuid(),
    ean: fakeEan(random),
    reference: `REF-${String(index + 1).padStart(4, '0')}`,
    onHoldByRetailer: false,
    unknownProductTitle: fakeProductTitle(random),
    condition: { name: 'NEW', category: 'NEW' },
    bundlePrices: [{ quantity: 1, unitPrice: fakePrice(random, 5, 120) }],
    stock: { amount: random.integer(0, 200), managedByRetailer: false },
    fulfilment: { method: 'FBR', deliveryCode: '1-2d' },
    mutationDateTime: isoDateTime(seedEpochMs - index * hourMs),
  }
}

function order(random: Random, index: number, offers: BolOffer[], kind: 'open' | 'shipped' | 'fbb'): BolOrder {
  const placedAt = seedEpochMs - index * hourMs
  const items: BolOrderItem[] = Array.from({ length: random.integer(1, 2) }, () => {
    const sold = random.pick(offers)
    const quantity = random.integer(1, 3)
    const unitPrice = sold.bundlePrices[0]?.unitPrice ?? 10
    return {
      orderItemId: random.digits(10),
      ean: sold.ean,
      title: sold.unknownProductTitle ?? 'Product',
      offerId: sold.offerId,
      offerReference: sold.reference ?? '',
      quantity,
      quantityShipped: kind === 'shipped' ? quantity : 0,
      quantityCancelled: 0,
      cancellationRequest: false,
      unitPrice,
      commission: Math.round(unitPrice * quantity * 15) / 100,
      fulfilmentMethod: kind === 'fbb' ? 'FBB' : 'FBR',
      latestDeliveryDate: isoDate(placedAt + 48 * hourMs),
      latestChangedDateTime: isoDateTime(placedAt),
    }
  })
  const customer = address(random)
  return {
    orderId: random.digits(10),
    orderPlacedDateTime: isoDateTime(placedAt),
    pickupPoint: false,
    shipmentDetails: customer,
    billingDetails: { ...customer },
    orderItems: items,
  }
}

/** Fills a fresh bol state from the seeded generator. */
export function seedBolState(random: Random, options: BolSeedOptions = {}): BolState {
  const state: BolState = {
    retailerId: options.retailerId ?? 1_234_567,
    orders: new Map(),
    shipments: new Map(),
    offers: new Map(),
    returns: new Map(),
    invoices: new Map(),
    inventory: [],
    processes: new Map(),
    subscriptions: new Map(),
    offerExports: new Map(),
    pushNotifications: [],
    sequences: {
      process: 1_000_000,
      shipment: 500_000_000,
      offer: 0,
      return: 10_000_000,
      subscription: 1000,
      report: 0,
    },
  }
  const offers = Array.from({ length: Math.max(1, options.offers ?? 10) }, (_, index) => offer(random, index))
  for (const item of offers) state.offers.set(item.offerId, item)
  const kinds: Array<'open' | 'shipped' | 'fbb'> = [
    ...Array<'open'>(options.openOrders ?? 25).fill('open'),
    ...Array<'fbb'>(options.fbbOrders ?? 2).fill('fbb'),
    ...Array<'shipped'>(options.shippedOrders ?? 5).fill('shipped'),
  ]
  kinds.forEach((kind, index) => {
    const created = order(random, index, offers, kind)
    state.orders.set(created.orderId, created)
    if (kind !== 'shipped') return
    const shipmentId = String(++state.sequences.shipment)
    state.shipments.set(shipmentId, {
      shipmentId,
      shipmentDateTime: isoDateTime(Date.parse(created.orderPlacedDateTime) + 20 * hourMs),
      shipmentReference: `SHIP-${shipmentId}`,
      orderId: created.orderId,
      items: created.orderItems.map((item) => ({ orderItemId: item.orderItemId, quantity: item.quantity })),
      transport: { transportId: random.digits(9), transporterCode: 'TNT', trackAndTrace: `3SBOL${random.digits(10)}` },
    })
  })
  seedReturnsInvoicesInventory(random, state, options.returns ?? 3, offers)
  return state
}

function seedReturnsInvoicesInventory(random: Random, state: BolState, returnCount: number, offers: BolOffer[]): void {
  const shipped = [...state.shipments.values()]
  for (let index = 0; index < Math.min(returnCount, shipped.length); index++) {
    const shipment = shipped[index]
    const order = shipment && state.orders.get(shipment.orderId)
    const item = order?.orderItems[0]
    if (!order || !item) continue
    const returnId = String(++state.sequences.return)
    state.returns.set(returnId, {
      returnId,
      registrationDateTime: isoDateTime(seedEpochMs + (index + 1) * hourMs),
      fulfilmentMethod: 'FBR',
      items: [
        {
          rmaId: random.digits(8),
          orderId: order.orderId,
          ean: item.ean,
          title: item.title,
          expectedQuantity: 1,
          handled: false,
          returnReason: { mainReason: 'Niet naar verwachting', customerComments: 'Kleur wijkt af.' },
          processingResults: [],
        },
      ],
    })
  }
  for (let month = 0; month < 3; month++) {
    const start = Date.UTC(2025, month, 1)
    const invoiceId = `${random.digits(10)}`
    const excluding = fakePrice(random, 50, 900)
    state.invoices.set(invoiceId, {
      invoiceId,
      issueDate: isoDate(Date.UTC(2025, month + 1, 1)),
      periodStartDate: isoDate(start),
      periodEndDate: isoDate(Date.UTC(2025, month + 1, 0)),
      totalAmountExcludingVat: excluding,
      totalAmountIncludingVat: Math.round(excluding * 121) / 100,
    })
  }
  state.inventory = offers.map((item) => ({
    ean: item.ean,
    bsku: random.digits(13),
    gradedStock: random.integer(0, 3),
    regularStock: random.integer(0, 40),
    title: item.unknownProductTitle ?? 'Product',
  }))
}
