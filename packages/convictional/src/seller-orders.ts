import { pathSegment } from '@b2bkit/provider-kit'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
import type { Api } from './internal/api.js'
import { listing } from './internal/pages.js'
import type { ListPage, ListParams, Order, OrderItem } from './types.js'

/**
 * Filters of the seller's order list.
 *
 * @example
 * ```ts
 * await client.seller.orders.list({ shipped: false, createdMin: '2026-11-01T00:00:00Z' } satisfies SellerOrderListParams)
 * ```
 */
export interface SellerOrderListParams extends ListParams {
  /** Only orders marked (or not marked) as shipped. */
  shipped?: boolean | undefined
  /** Only orders synced (or not) to the seller's platform. */
  posted?: boolean | undefined
  /** Only orders billed (or not). */
  billed?: boolean | undefined
  /** Only orders refunded (or not). */
  refunded?: boolean | undefined
  /** Only orders created after this time (RFC 3339). */
  createdMin?: string | undefined
}

/**
 * What a seller may change on an order (`PATCH /orders/{id}`).
 *
 * @example
 * ```ts
 * await client.seller.orders.update(orderId, { note: 'gift wrap' } satisfies OrderChange)
 * ```
 */
export interface OrderChange {
  /** `true` when the order was billed outside Convictional. */
  billed?: boolean | undefined
  /** A note on the order. */
  note?: string | undefined
  /** Attribute updates. */
  attributes?: Array<Record<string, unknown>> | undefined
  [field: string]: unknown
}

/**
 * A shipment of some or all of an order's items.
 *
 * @example
 * ```ts
 * await client.seller.orders.createFulfillment(orderId, { carrier: 'UPS', trackingCode: '1Z…' } satisfies FulfillmentInput)
 * ```
 */
export interface FulfillmentInput {
  /** The carrier, such as `USPS`. */
  carrier?: string | undefined
  /** The carrier's tracking code. */
  trackingCode?: string | undefined
  /** Where the shipment can be tracked. */
  trackingUrls?: string[] | undefined
  /** The items shipped and how many of each; all items when left out. */
  items?: Array<{ id: string; quantity: number }> | undefined
  [field: string]: unknown
}

/**
 * An invoice for a shipped order (manual billing).
 *
 * @example
 * ```ts
 * await client.seller.orders.createInvoice(orderId, { taxes: [{ type: 'GS', amount: 5 }] } satisfies OrderInvoiceInput)
 * ```
 */
export interface OrderInvoiceInput {
  /** Taxes on the invoice: `GS` (goods and services) or `SP` (state or provincial sales tax). */
  taxes?:
    | Array<{ type: 'GS' | 'SP' | (string & {}); amount?: number; rate?: number; [field: string]: unknown }>
    | undefined
  [field: string]: unknown
}

/**
 * `client.seller.orders`: the orders partners placed with you.
 *
 * @example
 * ```ts
 * for await (const order of client.seller.orders.iterate({ shipped: false })) console.log(order._id)
 * ```
 */
export interface SellerOrdersResource {
  /** One page of orders. */
  list(params?: SellerOrderListParams, options?: ConvictionalCallOptions): Promise<ListPage<Order>>
  /** Every order, following the `next` links. */
  iterate(params?: SellerOrderListParams, options?: ConvictionalIterateOptions): AsyncGenerator<Order, void, undefined>
  /** One order. */
  get(id: string, options?: ConvictionalCallOptions): Promise<Order>
  /** Changes an order (PATCH): `billed`, `note`, `attributes`. Setting the same fields twice is harmless: retried. */
  update(id: string, change: OrderChange, options?: ConvictionalCallOptions): Promise<Order>
  /**
   * Cancels every item of an order; cannot be undone. A partly fulfilled order needs `unfulfilledOnly: true`.
   * Cancelling a cancelled order changes nothing, so this is retried after a failure.
   */
  cancel(
    id: string,
    cancellation?: { unfulfilledOnly?: boolean | undefined },
    options?: ConvictionalCallOptions,
  ): Promise<Order>
  /**
   * Cancels one item, or with `newQuantity` all but that many of it (a new item holds the rest). Not retried: a
   * partial cancel repeated would cut the new item again.
   */
  cancelItem(
    orderId: string,
    itemId: string,
    cancellation?: { newQuantity?: number | undefined },
    options?: ConvictionalCallOptions,
  ): Promise<OrderItem>
  /** Records a shipment. Not retried: a repeat would record a second shipment. */
  createFulfillment(
    orderId: string,
    fulfillment: FulfillmentInput,
    options?: ConvictionalCallOptions,
  ): Promise<Record<string, unknown>>
  /** Creates an invoice for a shipped order. Not retried: a repeat could bill twice. */
  createInvoice(
    orderId: string,
    invoice?: OrderInvoiceInput,
    options?: ConvictionalCallOptions,
  ): Promise<Record<string, unknown>>
}

/** Builds `client.seller.orders`. */
export function sellerOrdersResource(api: Api): SellerOrdersResource {
  const orders = api.path('orders')
  const order = (id: string) => `${orders}/${pathSegment(id)}`
  return {
    ...listing<Order, SellerOrderListParams>(api, orders),
    get: (id, options = {}) => api.json(order(id), options),
    update: (id, change, options = {}) =>
      api.json(order(id), { ...options, method: 'PATCH', json: change, retrySafe: true }),
    cancel: (id, cancellation = {}, options = {}) =>
      api.json(`${order(id)}/cancel`, { ...options, method: 'POST', json: cancellation, retrySafe: true }),
    cancelItem: (orderId, itemId, cancellation = {}, options = {}) =>
      api.json(`${order(orderId)}/items/${pathSegment(itemId)}/cancel`, {
        ...options,
        method: 'POST',
        json: cancellation,
        retrySafe: cancellation.newQuantity === undefined,
      }),
    createFulfillment: (orderId, fulfillment, options = {}) =>
      api.json(`${order(orderId)}/fulfillments`, { ...options, method: 'POST', json: fulfillment }),
    createInvoice: (orderId, invoice = {}, options = {}) =>
      api.json(`${order(orderId)}/invoices`, { ...options, method: 'POST', json: invoice }),
  }
}
