import type { FulfilmentMethod } from './common.js'
import type { BillingDetails, ShipmentDetails } from './orders.js'

/** The body of `shipments.create()` (bol's `ShipmentRequest`). */
export interface ShipmentRequest {
  /** The order items to ship: 1 to 100, all of one order. */
  orderItems: Array<{ orderItemId: string; quantity?: number | undefined }>
  /** Your reference for the shipment, at most 90 characters. */
  shipmentReference?: string | undefined
  /** A shipping label bought through bol; then leave out `transport`. */
  shippingLabelId?: string | undefined
  /** The transporter and track-and-trace code. */
  transport?: { transporterCode: string; trackAndTrace?: string | undefined } | undefined
}

/** The filters of `shipments.list()` and `shipments.iterate()`. */
export interface ListShipmentsParams {
  /** The page, 50 shipments each. @default 1 */
  page?: number | undefined
  /** @default 'FBR' (bol's default) */
  fulfilmentMethod?: FulfilmentMethod | undefined
  /** Only the shipments of this order. */
  orderId?: string | undefined
}

/** A shipment in a shipment list (bol's `ReducedShipment`). */
export interface ReducedShipment {
  shipmentId: string
  shipmentDateTime?: string
  shipmentReference: string
  order: { orderId: string; orderPlacedDateTime?: string }
  shipmentItems: Array<{ orderItemId: string; ean: string }>
  transport: { transportId: string }
}

/** One page of `shipments.list()`. */
export interface ShipmentList {
  shipments: ReducedShipment[]
}

/** A transport event, such as `DELIVERED_AT_CUSTOMER`. */
export interface TransportEvent {
  eventCode:
    | 'PRE_ANNOUNCED'
    | 'AT_TRANSPORTER'
    | 'IN_TRANSIT'
    | 'DELIVERED_AT_NEIGHBOURS'
    | 'DELIVERED_AT_CUSTOMER'
    | 'PICKED_UP_AT_PICK_UP_POINT'
    | 'AT_PICK_UP_POINT'
    | 'RETURNED_TO_SENDER'
    | 'INBOUND_COLLECT'
  eventDateTime: string
}

/** One shipped item (bol's `ShipmentItem`). */
export interface ShipmentItem {
  orderItemId: string
  fulfilment?: { method: FulfilmentMethod; distributionParty?: 'RETAILER' | 'BOL'; latestDeliveryDate?: string }
  offer?: { offerId?: string; reference?: string }
  product?: { ean: string; title: string }
  quantity: number
  quantityShipped?: number
  unitPrice: number
  commission?: number
}

/** One shipment with its details (bol's `Shipment`). */
export interface Shipment {
  shipmentId: string
  shipmentDateTime?: string
  shipmentReference: string
  pickupPoint?: boolean
  order: { orderId: string; orderPlacedDateTime?: string }
  shipmentDetails?: ShipmentDetails
  billingDetails?: BillingDetails
  shipmentItems: ShipmentItem[]
  transport?: {
    transportId?: string
    transporterCode?: string
    trackAndTrace?: string
    shippingLabelId?: string
    transportEvents?: TransportEvent[]
  }
}
