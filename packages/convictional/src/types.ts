/**
 * The Convictional resources as the API returns them. The fields b2bkit relies on are typed; everything else
 * Convictional sends stays on the object under its own name.
 */

/**
 * One page of a list. Convictional's enveloped lists carry `hasMore` and `next`; a bare array is wrapped in `data`.
 *
 * @example
 * ```ts
 * const page: ListPage<Order> = await client.seller.orders.list()
 * if (page.hasMore) console.log('next:', page.next)
 * ```
 */
export interface ListPage<T> {
  /** The items of this page. */
  data: T[]
  /** Whether there is another page. */
  hasMore?: boolean | undefined
  /** The path (or URL) of the next page, or `null` on the last. */
  next?: string | null | undefined
  [field: string]: unknown
}

/**
 * Paging parameters of a list call.
 *
 * @example
 * ```ts
 * await client.seller.orders.list({ page: 2, limit: 50 } satisfies PageParams)
 * ```
 */
export interface PageParams {
  /**
   * The page to return, counting from 0.
   * @default 0
   */
  page?: number | undefined
  /**
   * How many items per page.
   * @default 25 for `list()` (Convictional's), 100 for `iterate()`
   */
  limit?: number | undefined
}

/**
 * Query parameters of a list call: paging, and the filters the endpoint takes.
 *
 * @example
 * ```ts
 * await client.partners.list({ page: 0, limit: 10 } satisfies ListParams)
 * ```
 */
export type ListParams = PageParams & Readonly<Record<string, string | number | boolean | undefined>>

/**
 * Which of Convictional's APIs an endpoint belongs to.
 *
 * @example
 * ```ts
 * const area: Area = 'seller'
 * ```
 */
export type Area = 'seller' | 'buyer' | 'shared'

/**
 * Where each API lives below the base URL, as path prefixes (`''` for the root).
 *
 * @example
 * ```ts
 * const emulatorLayout: AreaPrefixes = { seller: 'seller', buyer: 'buyer', shared: 'seller' }
 * ```
 */
export interface AreaPrefixes {
  seller: string
  buyer: string
  shared: string
}

/**
 * A postal address.
 *
 * @example
 * ```ts
 * const address: Address = { name: 'Kevin McCallister', addressOne: '671 Lincoln Avenue', city: 'Winnetka', country: 'US', zip: '60093' }
 * ```
 */
export interface Address {
  name?: string | undefined
  company?: string | undefined
  addressOne?: string | undefined
  addressTwo?: string | undefined
  city?: string | undefined
  state?: string | undefined
  country?: string | undefined
  zip?: string | undefined
  phone?: string | undefined
  [field: string]: unknown
}

/**
 * A line of an order.
 *
 * @example
 * ```ts
 * const [item]: OrderItem[] = (await client.seller.orders.get(orderId)).items ?? []
 * ```
 */
export interface OrderItem {
  /** The item id, for `cancelItem()`. */
  _id: string
  variantId?: string | undefined
  sku?: string | undefined
  title?: string | undefined
  quantity?: number | undefined
  price?: number | undefined
  buyerReference?: string | undefined
  /** Whether the item was cancelled. */
  cancelled?: boolean | undefined
  [field: string]: unknown
}

/**
 * An order between a buyer and a seller.
 *
 * @example
 * ```ts
 * const order: Order = await client.seller.orders.get(orderId)
 * ```
 */
export interface Order {
  /** The order id. */
  _id: string
  /** The buyer's own reference, unique per buyer: what makes a repeated create detectable. */
  buyerReference?: string | undefined
  buyerOrderCode?: string | undefined
  sellerOrderCode?: string | undefined
  status?: string | undefined
  items?: OrderItem[] | undefined
  shippingAddress?: Address | undefined
  note?: string | undefined
  /** Whether any item was cancelled. */
  hasCancellations?: boolean | undefined
  shipped?: boolean | undefined
  billed?: boolean | undefined
  created?: string | undefined
  updated?: string | undefined
  [field: string]: unknown
}

/**
 * A variant of a product: what a buyer orders.
 *
 * @example
 * ```ts
 * const variant: Variant | undefined = (await client.buyer.products.list()).data[0]?.variants?.[0]
 * ```
 */
export interface Variant {
  /** The variant id (a buyer orders by it). */
  _id: string
  sku?: string | undefined
  barcode?: string | undefined
  title?: string | undefined
  inventory_quantity?: number | undefined
  retailPrice?: number | undefined
  basePrice?: number | undefined
  [field: string]: unknown
}

/**
 * A seller's product.
 *
 * @example
 * ```ts
 * const product: Product = await client.seller.products.get(productId)
 * ```
 */
export interface Product {
  /** The product id. */
  _id: string
  code?: string | undefined
  title?: string | undefined
  description?: string | undefined
  vendor?: string | undefined
  active?: boolean | undefined
  tags?: string[] | undefined
  variants?: Variant[] | undefined
  companyId?: string | undefined
  [field: string]: unknown
}

/**
 * What creating a product needs.
 *
 * @example
 * ```ts
 * await client.seller.products.create({ title: 'Walnut desk', variants: [{ sku: 'DESK-1', basePrice: 240 }] } satisfies ProductInput)
 * ```
 */
export interface ProductInput {
  title: string
  code?: string | undefined
  description?: string | undefined
  vendor?: string | undefined
  active?: boolean | undefined
  variants: Array<Partial<Omit<Variant, '_id'>>>
  [field: string]: unknown
}

/**
 * A seller's price list.
 *
 * @example
 * ```ts
 * const list: PriceList = await client.seller.prices.get(priceId)
 * ```
 */
export interface PriceList {
  _id?: string | undefined
  name?: string | undefined
  currency?: string | undefined
  /** The list's entries: `{ sku, price, markup, type }`. */
  prices?: Array<Record<string, unknown>> | undefined
  [field: string]: unknown
}

/**
 * A trading partner.
 *
 * @example
 * ```ts
 * const { data }: { data: Partner[] } = await client.partners.list()
 * ```
 */
export interface Partner {
  _id: string
  name?: string | undefined
  companyId?: string | undefined
  active?: boolean | undefined
  [field: string]: unknown
}

/**
 * A document shared with partners.
 *
 * @example
 * ```ts
 * const document: ConvictionalDocument = await client.documents.get(documentId)
 * ```
 */
export interface ConvictionalDocument {
  _id: string
  name?: string | undefined
  [field: string]: unknown
}

/**
 * The user and company of the API key (`GET /auth/me`).
 *
 * @example
 * ```ts
 * const { company }: Me = await client.me()
 * ```
 */
export interface Me {
  user?: Record<string, unknown> | undefined
  company?: Record<string, unknown> | undefined
  [field: string]: unknown
}
