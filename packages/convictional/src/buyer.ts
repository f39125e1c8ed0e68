import { isConflictError, type ProblemError } from '@b2bkit/problem'
import { pathSegment } from '@b2bkit/provider-kit'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
import type { Api } from './internal/api.js'
import { listing } from './internal/pages.js'
import type { Address, ListPage, ListParams, Order, Product } from './types.js'

/**
 * A line of an order to place.
 *
 * @example
 * ```ts
 * const item: BuyerOrderItemInput = { variantId: product.variants[0]._id, quantity: 2, buyerReference: 'line-1' }
 * ```
 */
export interface BuyerOrderItemInput {
  /** The variant to order (`product.variants[]._id`). */
  variantId: string
  quantity: number
  /** Your own reference for the line. */
  buyerReference?: string | undefined
  [field: string]: unknown
}

/**
 * What placing an order needs.
 *
 * @example
 * ```ts
 * const input: BuyerOrderInput = { buyerReference: 'PO-1001', address, items: [item] }
 * ```
 */
export interface BuyerOrderInput {
  /** Where to ship. */
  address: Address
  items: BuyerOrderItemInput[]
  /**
   * Your own order reference. Unique per buyer: a second order with it is refused (409 with the existing `orderId`),
   * which is what lets `ifExists: 'return'` find the order a lost answer created.
   */
  buyerReference: string
  orderedDate?: string | undefined
  note?: string | undefined
  [field: string]: unknown
}

/**
 * Options of `buyer.orders.create()`.
 *
 * @example
 * ```ts
 * await client.buyer.orders.create(input, { ifExists: 'return' } satisfies CreateOrderOptions)
 * ```
 */
export interface CreateOrderOptions extends ConvictionalCallOptions {
  /**
   * What to do when an order with this `buyerReference` exists (409): `'error'` throws the `ConflictError`;
   * `'return'` resolves with the existing order, so a job that crashed after placing an order can run again and order
   * nothing twice. With `'return'` the create is also retried after a failure: a repeat cannot place a second order.
   * @default 'error'
   */
  ifExists?: 'error' | 'return' | undefined
}

/**
 * `client.buyer.products`: the products your sellers priced for you.
 *
 * @example
 * ```ts
 * const { data } = await client.buyer.products.list({ limit: 50 })
 * ```
 */
export interface BuyerProductsResource {
  /** One page of products. */
  list(params?: ListParams, options?: ConvictionalCallOptions): Promise<ListPage<Product>>
  /** Every product, following the `next` links. */
  iterate(params?: ListParams, options?: ConvictionalIterateOptions): AsyncGenerator<Product, void, undefined>
}

/**
 * `client.buyer.orders`: the orders you place with sellers.
 *
 * @example
 * ```ts
 * const order = await client.buyer.orders.get(orderId)
 * ```
 */
export interface BuyerOrdersResource {
  /** Places an order; see `ifExists` for placing it safely more than once. */
  create(input: BuyerOrderInput, options?: CreateOrderOptions): Promise<Order>
  /** One order. */
  get(id: string, options?: ConvictionalCallOptions): Promise<Order>
  /** One page of your orders. */
  list(params?: ListParams, options?: ConvictionalCallOptions): Promise<ListPage<Order>>
  /** Every order you placed, following the `next` links. */
  iterate(params?: ListParams, options?: ConvictionalIterateOptions): AsyncGenerator<Order, void, undefined>
}

/**
 * `client.buyer`: the Buyer API.
 *
 * @example
 * ```ts
 * const buyer: BuyerApi = client.buyer
 * for await (const product of buyer.products.iterate()) console.log(product.title)
 * ```
 */
export interface BuyerApi {
  readonly products: BuyerProductsResource
  readonly orders: BuyerOrdersResource
}

/** The order id a 409 names (`{"orderId": "…"}`), when it names one. */
function existingOrderId(error: ProblemError): string | undefined {
  const id = error.extensions.orderId
  return typeof id === 'string' && id !== '' ? id : undefined
}

/** Builds `client.buyer`. */
export function buyerApi(api: Api): BuyerApi {
  const products = api.path('products')
  const orders = api.path('orders')
  const get = (id: string, options: ConvictionalCallOptions = {}) =>
    api.json<Order>(`${orders}/${pathSegment(id)}`, options)
  return {
    products: listing<Product>(api, products),
    orders: {
      create: async (input, options = {}) => {
        const { ifExists = 'error', ...call } = options
        const safe = ifExists === 'return' && typeof input.buyerReference === 'string' && input.buyerReference !== ''
        try {
          return await api.json<Order>(orders, { ...call, method: 'POST', json: input, retrySafe: safe })
        } catch (error) {
          const existing = ifExists === 'return' && isConflictError(error) ? existingOrderId(error) : undefined
          if (existing === undefined) throw error
          return get(existing, call)
        }
      },
      get,
      ...listing<Order>(api, orders),
    },
  }
}
