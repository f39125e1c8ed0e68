import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { QueryValues } from '../internal/transport.js'
import type { BolCallOptions, BolIterateOptions } from '../types/common.js'
import type { ListOrdersParams, Order, OrderItemCancellation, OrderList, ReducedOrder } from '../types/orders.js'
import type { BolProcess } from '../types/process-status.js'

/** Orders: list them a page at a time or all at once, read one, cancel an item. */
export interface OrdersResource {
  /** One page of orders (50 per page), open FBR orders unless the filters say otherwise. */
  list(params?: ListOrdersParams, options?: BolCallOptions): Promise<OrderList>
  /** Every order of every page, fetching the next page only when the previous one is used up. */
  iterate(params?: Omit<ListOrdersParams, 'page'>, options?: BolIterateOptions): AsyncGenerator<ReducedOrder>
  /** One order with its details; `NotFoundError` for an unknown id. */
  get(orderId: string, options?: BolCallOptions): Promise<Order>
  /** Cancels one order item (a `CANCEL_ORDER` process). */
  cancel(cancellation: OrderItemCancellation, options?: BolCallOptions): Promise<BolProcess>
}

const queryOf = (params: Omit<ListOrdersParams, 'page'>): QueryValues => ({
  'fulfilment-method': params.fulfilmentMethod,
  status: params.status,
  'change-interval-minute': params.changeIntervalMinute,
  'latest-change-date': params.latestChangeDate,
  'vvb-only': params.vvbOnly,
})

/** The orders resource. */
export function ordersResource(context: ResourceContext): OrdersResource {
  const path = context.retailer('orders')
  return {
    ...context.listing<'orders', ReducedOrder, ListOrdersParams>(path, 'orders', queryOf),
    get: (orderId, options) => context.transport.json<Order>({ path: `${path}/${segment(orderId)}` }, options),
    cancel: (cancellation, options) =>
      context.process({ method: 'PUT', path: `${path}/cancellation`, body: { orderItems: [cancellation] } }, options),
  }
}
