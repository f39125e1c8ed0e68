import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { QueryValues } from '../internal/transport.js'
import type { BolCallOptions, BolIterateOptions } from '../types/common.js'
import type { BolProcess } from '../types/process-status.js'
import type {
  ListShipmentsParams,
  ReducedShipment,
  Shipment,
  ShipmentList,
  ShipmentRequest,
} from '../types/shipments.js'

/** Shipments: ship order items, list and read shipments. */
export interface ShipmentsResource {
  /**
   * Ships order items of one order (a `CREATE_SHIPMENT` process; its `entityId` is the first order item). Not
   * retried after a lost answer: look the process up with `processStatus.byEntity()` instead.
   */
  create(shipment: ShipmentRequest, options?: BolCallOptions): Promise<BolProcess>
  /** One page of shipments, newest first (50 per page). */
  list(params?: ListShipmentsParams, options?: BolCallOptions): Promise<ShipmentList>
  /** Every shipment of every page. */
  iterate(params?: Omit<ListShipmentsParams, 'page'>, options?: BolIterateOptions): AsyncGenerator<ReducedShipment>
  /** One shipment with its details; `NotFoundError` for an unknown id. */
  get(shipmentId: string, options?: BolCallOptions): Promise<Shipment>
}

const queryOf = (params: Omit<ListShipmentsParams, 'page'>): QueryValues => ({
  'fulfilment-method': params.fulfilmentMethod,
  'order-id': params.orderId,
})

/** The shipments resource. */
export function shipmentsResource(context: ResourceContext): ShipmentsResource {
  const path = context.retailer('shipments')
  return {
    create: (shipment, options) => context.process({ method: 'POST', path, body: shipment }, options),
    ...context.listing<'shipments', ReducedShipment, ListShipmentsParams>(path, 'shipments', queryOf),
    get: (shipmentId, options) => context.transport.json<Shipment>({ path: `${path}/${segment(shipmentId)}` }, options),
  }
}
