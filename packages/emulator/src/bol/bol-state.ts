import type { WebhookDelivery } from '../core/webhook-sender.js'

/** A customer address, as bol's `ShipmentDetails` / `BillingDetails`. */
export interface BolAddress {
  salutation: 'MALE' | 'FEMALE' | 'UNKNOWN'
  firstName: string
  surname: string
  streetName: string
  houseNumber: string
  zipCode: string
  city: string
  countryCode: string
  email: string
  language?: 'nl' | 'nl-BE' | 'fr' | 'fr-BE'
}

/** One order item. */
export interface BolOrderItem {
  orderItemId: string
  ean: string
  title: string
  offerId: string
  offerReference: string
  quantity: number
  quantityShipped: number
  quantityCancelled: number
  cancellationRequest: boolean
  unitPrice: number
  commission: number
  fulfilmentMethod: 'FBR' | 'FBB'
  latestDeliveryDate: string
  latestChangedDateTime: string
}

/** One order. */
export interface BolOrder {
  orderId: string
  orderPlacedDateTime: string
  pickupPoint: boolean
  shipmentDetails: BolAddress
  billingDetails: BolAddress
  orderItems: BolOrderItem[]
}

/** One shipment. */
export interface BolShipment {
  shipmentId: string
  shipmentDateTime: string
  shipmentReference: string | undefined
  orderId: string
  items: Array<{ orderItemId: string; quantity: number }>
  transport: { transportId: string; transporterCode: string; trackAndTrace: string | undefined }
}

/** One offer. */
export interface BolOffer {
  offerId: string
  ean: string
  reference: string | undefined
  onHoldByRetailer: boolean
  unknownProductTitle: string | undefined
  condition: { name: string; category?: string; comment?: string }
  bundlePrices: Array<{ quantity: number; unitPrice: number }>
  stock: { amount: number; managedByRetailer: boolean }
  fulfilment: { method: 'FBR' | 'FBB'; deliveryCode?: string }
  mutationDateTime: string
}

/** One return with its items. */
export interface BolReturn {
  returnId: string
  registrationDateTime: string
  fulfilmentMethod: 'FBR' | 'FBB'
  items: Array<{
    rmaId: string
    orderId: string
    ean: string
    title: string
    expectedQuantity: number
    handled: boolean
    returnReason: { mainReason: string; customerComments: string }
    processingResults: Array<{
      quantity: number
      processingResult: string
      handlingResult: string
      processingDateTime: string
    }>
  }>
}

/** One sales invoice bol issued to the retailer. */
export interface BolInvoice {
  invoiceId: string
  issueDate: string
  periodStartDate: string
  periodEndDate: string
  totalAmountExcludingVat: number
  totalAmountIncludingVat: number
}

/** One asynchronous process (bol's process status). */
export interface BolProcess {
  processStatusId: string
  entityId: string | undefined
  eventType: string
  description: string
  status: 'PENDING' | 'SUCCESS' | 'FAILURE' | 'TIMEOUT'
  errorMessage: string | undefined
  createTimestamp: string
  /** When it stops being `PENDING`, in milliseconds since the epoch. */
  settlesAt: number
}

/** One push-notification subscription. */
export interface BolSubscription {
  id: string
  resources: string[]
  url: string
  subscriptionType: 'WEBHOOK' | 'GCP_PUBSUB' | 'AWS_SQS'
  enabled: boolean
}

/** One row of the FBB inventory. */
export interface BolInventoryItem {
  ean: string
  bsku: string
  gradedStock: number
  regularStock: number
  title: string
}

/** Everything the bol emulator knows; maps keep insertion order. */
export interface BolState {
  retailerId: number
  orders: Map<string, BolOrder>
  shipments: Map<string, BolShipment>
  offers: Map<string, BolOffer>
  returns: Map<string, BolReturn>
  invoices: Map<string, BolInvoice>
  inventory: BolInventoryItem[]
  processes: Map<string, BolProcess>
  subscriptions: Map<string, BolSubscription>
  /** Offer exports by report id: the CSV served once the export process succeeded. */
  offerExports: Map<string, string>
  /** Push notifications sent to subscriptions. */
  pushNotifications: WebhookDelivery[]
  /** Counters for ids made at run time. */
  sequences: { process: number; shipment: number; offer: number; return: number; subscription: number; report: number }
}
