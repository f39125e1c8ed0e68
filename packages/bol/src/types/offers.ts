import type { ConditionName, FulfilmentMethod } from './common.js'

/** bol's delivery promise codes for offers fulfilled by the retailer. */
export type DeliveryCode =
  | '24uurs-23'
  | '24uurs-22'
  | '24uurs-21'
  | '24uurs-20'
  | '24uurs-19'
  | '24uurs-18'
  | '24uurs-17'
  | '24uurs-16'
  | '24uurs-15'
  | '24uurs-14'
  | '24uurs-13'
  | '24uurs-12'
  | '1-2d'
  | '2-3d'
  | '3-5d'
  | '4-8d'
  | '1-8d'
  | 'MijnLeverbelofte'
  | 'VVB'

/** The condition of the offered product. */
export interface OfferCondition {
  name: ConditionName
  category?: 'NEW' | 'SECONDHAND' | undefined
  /** At most 2,000 characters. */
  comment?: string | undefined
}

/** A price per unit when buying `quantity` or more. */
export interface BundlePrice {
  /** 1 to 24. */
  quantity: number
  /** 1 to 9,999. */
  unitPrice: number
}

/** An offer's prices: 1 to 4 bundle prices. */
export interface OfferPricing {
  bundlePrices: BundlePrice[]
}

/** Who ships the offer, and how fast. */
export interface OfferFulfilment {
  method: FulfilmentMethod
  deliveryCode?: DeliveryCode | undefined
}

/** The body of `offers.create()` (bol's `CreateOfferRequest`). */
export interface CreateOfferRequest {
  ean: string
  economicOperatorId?: string | undefined
  condition: OfferCondition
  /** Your reference, at most 100 characters. */
  reference?: string | undefined
  onHoldByRetailer?: boolean | undefined
  /** A title for a product bol does not know yet, at most 500 characters. */
  unknownProductTitle?: string | undefined
  pricing: OfferPricing
  /** `amount` 0 to 999. */
  stock: OfferStock
  fulfilment: OfferFulfilment
}

/** The body of `offers.update()` (bol's `UpdateOfferRequest`). */
export interface UpdateOfferRequest {
  economicOperatorId?: string | undefined
  reference?: string | undefined
  onHoldByRetailer?: boolean | undefined
  unknownProductTitle?: string | undefined
  fulfilment: OfferFulfilment
}

/** The body of `offers.updatePrice()` (bol's `UpdateOfferPriceRequest`). */
export interface UpdateOfferPriceRequest {
  pricing: OfferPricing
}

/** An offer's stock, and the body of `offers.updateStock()` (bol's `UpdateOfferStockRequest`). */
export interface OfferStock {
  /** 0 to 999. */
  amount: number
  /** Whether bol must leave the stock alone (`true`) or count it down as orders come in (`false`). */
  managedByRetailer: boolean
}

/** One offer (bol's `RetailerOffer`). */
export interface RetailerOffer {
  offerId: string
  ean: string
  reference?: string
  onHoldByRetailer: boolean
  economicOperatorId?: string
  unknownProductTitle?: string
  pricing: OfferPricing
  stock: { amount?: number; correctedStock?: number; managedByRetailer: boolean }
  fulfilment: OfferFulfilment
  store: { productTitle?: string; visible: Array<{ countryCode: string }> }
  condition: OfferCondition
  notPublishableReasons: Array<{ code: string; description?: string }>
}

/**
 * One row of an offer export: the CSV's header names as keys, the cells as text. bol's columns include `offerId`,
 * `ean`, `conditionName`, `conditionCategory`, `conditionComment`, `bundlePricesPrice`, `fulfilmentDeliveryCode`,
 * `stockAmount`, `onHoldByRetailer`, `fulfilmentType`, `mutationDateTime`, `referenceCode` and `correctedStock`;
 * cells stay text, as the CSV has them.
 */
export type OfferExportRow = Readonly<Record<string, string>>

/** A finished offer export: its report id and its rows. */
export interface OfferExport {
  /** The report id (the export process's `entityId`); `offers.getExport(reportId)` reads it again. */
  reportId: string
  /** The rows, in the file's order. */
  rows: OfferExportRow[]
}
