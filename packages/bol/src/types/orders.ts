import type { FulfilmentMethod, Salutation } from './common.js'

/** One order item in an order list (bol's `ReducedOrderItem`). */
export interface ReducedOrderItem {
  orderItemId: string
  ean: string
  fulfilmentMethod: FulfilmentMethod
  /** `OPEN` while something is left to ship or cancel. */
  fulfilmentStatus: 'OPEN' | 'HANDLED'
  quantity: number
  quantityShipped: number
  quantityCancelled: number
  /** Whether the customer asked to cancel the item. */
  cancellationRequest: boolean
  latestChangedDateTime: string
}

/** An order in an order list (bol's `ReducedOrder`). */
export interface ReducedOrder {
  orderId: string
  orderPlacedDateTime: string
  orderItems: ReducedOrderItem[]
}

/** One page of `orders.list()`. */
export interface OrderList {
  orders: ReducedOrder[]
}

/** The filters of `orders.list()` and `orders.iterate()`. */
export interface ListOrdersParams {
  /** The page, 50 orders each. @default 1 */
  page?: number | undefined
  /** @default 'FBR' (bol's default) */
  fulfilmentMethod?: FulfilmentMethod | 'ALL' | undefined
  /** @default 'OPEN' (bol's default) */
  status?: 'OPEN' | 'SHIPPED' | 'ALL' | undefined
  /** Only orders changed in the last so many minutes (at most 60). */
  changeIntervalMinute?: number | undefined
  /** Only orders changed on this date (`YYYY-MM-DD`). */
  latestChangeDate?: string | undefined
  /** Only orders shipped by bol's own delivery service (VVB). */
  vvbOnly?: boolean | undefined
}

/** The address fields bol's shipment and billing details share. */
export interface AddressFields {
  salutation: Salutation
  firstName: string
  surname: string
  streetName: string
  houseNumber: string
  houseNumberExtension?: string
  extraAddressInformation?: string
  zipCode: string
  city: string
  countryCode: string
  company?: string
}

/** Where an order goes (bol's `ShipmentDetails`). */
export interface ShipmentDetails extends AddressFields {
  pickupPointName?: string
  email?: string
  deliveryPhoneNumber?: string
  language?: 'nl' | 'nl-BE' | 'fr' | 'fr-BE'
}

/** Who pays for an order (bol's `BillingDetails`). */
export interface BillingDetails extends AddressFields {
  email: string
  vatNumber?: string
  kvkNumber?: string
  orderReference?: string
}

/** How an order item is delivered (bol's `OrderFulfilment`). */
export interface OrderFulfilment {
  method: string
  distributionParty?: 'RETAILER' | 'BOL'
  latestDeliveryDate?: string
  exactDeliveryDate?: string
  expiryDate?: string
  timeFrameType: 'REGULAR' | 'EVENING' | 'APPOINTMENT' | 'SAMEDAY' | 'SUNDAY'
}

/** One item of an order (bol's `OrderOrderItem`). */
export interface OrderItem {
  orderItemId: string
  cancellationRequest: boolean
  fulfilment?: OrderFulfilment
  offer?: { offerId?: string; reference?: string }
  product?: { ean: string; title: string }
  quantity: number
  quantityShipped: number
  quantityCancelled: number
  unitPrice: number
  totalPrice: number
  discounts: Array<{ title: string; amount: number }>
  commission: number
  additionalServices?: Array<{ serviceType: string }>
  latestChangedDateTime: string
}

/** One order with its details (bol's `Order`). */
export interface Order {
  orderId: string
  pickupPoint: boolean
  orderPlacedDateTime?: string
  shipmentDetails: ShipmentDetails
  billingDetails?: BillingDetails
  orderItems: OrderItem[]
}

/** Why a retailer cancels an order item. */
export type CancellationReason =
  | 'OUT_OF_STOCK'
  | 'REQUESTED_BY_CUSTOMER'
  | 'BAD_CONDITION'
  | 'HIGHER_SHIPCOST'
  | 'INCORRECT_PRICE'
  | 'NOT_AVAIL_IN_TIME'
  | 'NO_BOL_GUARANTEE'
  | 'ORDERED_TWICE'
  | 'RETAIN_ITEM'
  | 'TECH_ISSUE'
  | 'UNFINDABLE_ITEM'
  | 'OTHER'

/** What `orders.cancel()` cancels: one order item (bol takes exactly one per request). */
export interface OrderItemCancellation {
  orderItemId: string
  reasonCode: CancellationReason
}
