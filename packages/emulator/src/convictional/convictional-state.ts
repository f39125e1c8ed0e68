import type { Random } from '../core/random.js'
import {
  fakeAddress,
  fakeCompany,
  fakePerson,
  fakePrice,
  fakeProductTitle,
  isoDateTime,
  seedEpochMs,
} from '../internal/fixtures.js'

/** A product variant (what a buyer orders). */
export interface ConvictionalVariant {
  _id: string
  sku: string
  barcode: string
  title: string
  inventory_quantity: number
  retailPrice: number
  basePrice: number
}

/** A seller's product. */
export interface ConvictionalProduct {
  _id: string
  title: string
  description: string
  vendor: string
  companyId: string
  active: boolean
  variants: ConvictionalVariant[]
  created: string
  updated: string
}

/** An order between the buyer and a seller. */
export interface ConvictionalOrder {
  _id: string
  buyerReference: string
  buyerOrderCode: string
  sellerOrderCode: string
  buyerCompanyId: string
  sellerCompanyId: string
  status: 'open' | 'fulfilled' | 'cancelled'
  items: Array<{
    _id: string
    variantId: string
    sku: string
    title: string
    quantity: number
    price: number
    buyerReference: string
  }>
  shippingAddress: Record<string, string>
  note: string
  orderedDate: string
  created: string
  updated: string
}

/** A trading partner. */
export interface ConvictionalPartner {
  _id: string
  name: string
  companyId: string
  type: 'buyer' | 'seller'
  created: string
}

/** Everything the Convictional emulator knows. */
export interface ConvictionalState {
  buyerCompanyId: string
  sellerCompanyId: string
  products: Map<string, ConvictionalProduct>
  orders: Map<string, ConvictionalOrder>
  partners: ConvictionalPartner[]
  sequences: { order: number; product: number }
}

/** How much data the Convictional emulator starts with. */
export interface ConvictionalSeedOptions {
  /** Products of the seller (each with 1–3 variants). @default 12 */
  products?: number
  /** Orders already placed by the buyer. @default 8 */
  orders?: number
}

const objectId = (random: Random) => Array.from({ length: 24 }, () => random.integer(0, 15).toString(16)).join('')

/** Seeds a buyer, a seller who partner with each other, products and orders. */
export function seedConvictionalState(random: Random, options: ConvictionalSeedOptions): ConvictionalState {
  const state: ConvictionalState = {
    buyerCompanyId: objectId(random),
    sellerCompanyId: objectId(random),
    products: new Map(),
    orders: new Map(),
    partners: [],
    sequences: { order: 1000, product: 0 },
  }
  const created = isoDateTime(seedEpochMs)
  state.partners.push(
    { _id: objectId(random), name: 'b2bkit Demo Seller', companyId: state.sellerCompanyId, type: 'seller', created },
    { _id: objectId(random), name: 'b2bkit Demo Buyer', companyId: state.buyerCompanyId, type: 'buyer', created },
  )
  for (let index = 0; index < (options.products ?? 12); index++) {
    const title = fakeProductTitle(random)
    const product: ConvictionalProduct = {
      _id: objectId(random),
      title,
      description: `${title}, supplied by the demo seller.`,
      vendor: fakeCompany(random),
      companyId: state.sellerCompanyId,
      active: true,
      variants: Array.from({ length: random.integer(1, 3) }, (_, variant) => {
        const basePrice = fakePrice(random, 3, 80)
        return {
          _id: objectId(random),
          sku: `SKU-${index + 1}-${variant + 1}`,
          barcode: random.digits(12),
          title: `${title} / ${['S', 'M', 'L'][variant]}`,
          inventory_quantity: random.integer(0, 100),
          retailPrice: Math.round(basePrice * 180) / 100,
          basePrice,
        }
      }),
      created,
      updated: created,
    }
    state.products.set(product._id, product)
  }
  const variants = [...state.products.values()].flatMap((product) => product.variants)
  for (let index = 0; index < (options.orders ?? 8) && variants.length > 0; index++) {
    const variant = random.pick(variants)
    const person = fakePerson(random)
    const place = fakeAddress(random)
    const at = isoDateTime(seedEpochMs - index * 3_600_000)
    const order: ConvictionalOrder = {
      _id: objectId(random),
      buyerReference: `PO-${1000 + index}`,
      buyerOrderCode: `B${++state.sequences.order}`,
      sellerOrderCode: `S${state.sequences.order}`,
      buyerCompanyId: state.buyerCompanyId,
      sellerCompanyId: state.sellerCompanyId,
      status: index % 4 === 3 ? 'fulfilled' : 'open',
      items: [
        {
          _id: objectId(random),
          variantId: variant._id,
          sku: variant.sku,
          title: variant.title,
          quantity: random.integer(1, 4),
          price: variant.basePrice,
          buyerReference: `L-${index}`,
        },
      ],
      shippingAddress: {
        name: `${person.firstName} ${person.surname}`,
        addressOne: `${place.houseNumber} ${place.street}`,
        city: place.city,
        zip: place.zipCode,
        country: 'NL',
      },
      note: '',
      orderedDate: at,
      created: at,
      updated: at,
    }
    state.orders.set(order._id, order)
  }
  return state
}

/** A fresh 24-hex-digit id (MongoDB ObjectId shaped, as Convictional's ids are). */
export const newObjectId = objectId
