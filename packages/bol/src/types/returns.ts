import type { FulfilmentMethod, Salutation } from './common.js'

/** What the retailer did with a returned item. */
export type HandlingResult =
  | 'RETURN_RECEIVED'
  | 'EXCHANGE_PRODUCT'
  | 'RETURN_DOES_NOT_MEET_CONDITIONS'
  | 'REPAIR_PRODUCT'
  | 'CUSTOMER_KEEPS_PRODUCT_PAID'
  | 'STILL_APPROVED'

/** Why the customer returned the item. */
export interface ReturnReason {
  mainReason: string
  detailedReason?: string
  customerComments: string
}

/** How a returned quantity was processed. */
export interface ReturnProcessingResult {
  quantity: number
  processingResult: string
  handlingResult: string
  processingDateTime: string
}

/** A returned item in a return list (bol's `ReducedReturnItem`). */
export interface ReducedReturnItem {
  rmaId: string
  orderId: string
  ean: string
  expectedQuantity: number
  returnReason: ReturnReason
  handled: boolean
  processingResults: ReturnProcessingResult[]
}

/** A return in a return list (bol's `ReducedReturn`). */
export interface ReducedReturn {
  returnId: string
  registrationDateTime: string
  fulfilmentMethod: FulfilmentMethod | (string & {})
  returnItems: ReducedReturnItem[]
}

/** One page of `returns.list()`. */
export interface ReturnList {
  returns: ReducedReturn[]
}

/** The filters of `returns.list()` and `returns.iterate()`. */
export interface ListReturnsParams {
  /** The page, 50 returns each. @default 1 */
  page?: number | undefined
  /** Only handled (`true`) or unhandled (`false`) returns. @default both */
  handled?: boolean | undefined
  /** @default 'FBR' (bol's default) */
  fulfilmentMethod?: FulfilmentMethod | undefined
}

/** A returned item with its details (bol's `ReturnItem`). */
export interface ReturnItem extends ReducedReturnItem {
  title: string
  trackAndTrace?: string
  transporterName?: string
  customerDetails: {
    salutation: Salutation
    firstName?: string
    surname?: string
    streetName?: string
    houseNumber?: string
    houseNumberExtension?: string
    extraAddressInformation?: string
    zipCode?: string
    city?: string
    countryCode?: string
    email?: string
    deliveryPhoneNumber?: string
    company?: string
    vatNumber?: string
  }
}

/** One return with its details (bol's `Return`). */
export interface Return {
  returnId: string
  registrationDateTime: string
  fulfilmentMethod: FulfilmentMethod | (string & {})
  returnItems: ReturnItem[]
}

/** The body of `returns.handle()` (bol's `ReturnRequest`). */
export interface HandleReturnRequest {
  handlingResult: HandlingResult
  /** 1 to 9,999. */
  quantityReturned: number
}

/** The body of `returns.create()` (bol's `CreateReturnRequest`): a return the customer did not register. */
export interface CreateReturnRequest {
  orderItemId: string
  /** 1 to 9,999. */
  quantityReturned: number
  handlingResult: Exclude<HandlingResult, 'STILL_APPROVED'>
}
