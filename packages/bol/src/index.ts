// @b2bkit/bol: a typed client for the bol.com Retailer API v10 and the Shared API v10 (process status).
// Kept out on purpose: everything in src/internal (the transport, the CSV and Signature header parsers, option
// checks) and the resource factories; the client's namespaces are the API.
export { type BolClient, type BolClientStats, createBolClient } from './bol-client.js'
export type {
  BolClientOptions,
  BolEnvironment,
  BolRateLimitOption,
  BolRateLimitSettings,
} from './bol-client-options.js'
export { BolResponseError, BolWebhookError, type BolWebhookFailure } from './errors.js'
export type { ProcessPollingOptions } from './process-polling.js'
export { bolRateLimitRules } from './rate-limit-rules.js'
export type { CommissionsResource } from './resources/commissions.js'
export type { InventoryResource } from './resources/inventory.js'
export type { InvoicesResource } from './resources/invoices.js'
export type { OfferExportOptions, OffersResource } from './resources/offers.js'
export type { OrdersResource } from './resources/orders.js'
export type { ProcessStatusResource } from './resources/process-status.js'
export type { ReturnsResource } from './resources/returns.js'
export type { ShipmentsResource } from './resources/shipments.js'
export type { SubscriptionsResource } from './resources/subscriptions.js'
export type {
  BulkCommissionList,
  BulkCommissionQuery,
  Commission,
  CommissionPriceRange,
  CommissionQuery,
  CommissionRate,
  CommissionRatesResult,
  CommissionReduction,
} from './types/commissions.js'
export type {
  BolCallOptions,
  BolIterateOptions,
  BolViolation,
  ConditionName,
  FulfilmentMethod,
  Salutation,
} from './types/common.js'
export type { InventoryItem, InventoryList, ListInventoryParams } from './types/inventory.js'
export type { Invoice, InvoiceAmount, InvoiceList, InvoiceListItem, ListInvoicesParams } from './types/invoices.js'
export type {
  BundlePrice,
  CreateOfferRequest,
  DeliveryCode,
  OfferCondition,
  OfferExport,
  OfferExportRow,
  OfferFulfilment,
  OfferPricing,
  OfferStock,
  RetailerOffer,
  UpdateOfferPriceRequest,
  UpdateOfferRequest,
} from './types/offers.js'
export type {
  BillingDetails,
  CancellationReason,
  ListOrdersParams,
  Order,
  OrderFulfilment,
  OrderItem,
  OrderItemCancellation,
  OrderList,
  ReducedOrder,
  ReducedOrderItem,
  ShipmentDetails,
} from './types/orders.js'
export type {
  BolEventType,
  BolLink,
  BolProcess,
  BolProcessState,
  BolProcessStatus,
  BolProcessStatusList,
  BolWaitOptions,
  ProcessStatusByEntityQuery,
  WaitManyOptions,
} from './types/process-status.js'
export type {
  CreateReturnRequest,
  HandleReturnRequest,
  HandlingResult,
  ListReturnsParams,
  ReducedReturn,
  ReducedReturnItem,
  Return,
  ReturnItem,
  ReturnList,
  ReturnProcessingResult,
  ReturnReason,
} from './types/returns.js'
export type {
  ListShipmentsParams,
  ReducedShipment,
  Shipment,
  ShipmentItem,
  ShipmentList,
  ShipmentRequest,
  TransportEvent,
} from './types/shipments.js'
export type {
  BolPushNotification,
  BolSignatureKey,
  BolSignatureKeys,
  Subscription,
  SubscriptionList,
  SubscriptionRequest,
  SubscriptionResource,
  SubscriptionType,
} from './types/subscriptions.js'
export {
  type BolWebhookInput,
  type BolWebhookKeys,
  type VerifyBolWebhookOptions,
  verifyBolWebhook,
} from './verify-bol-webhook.js'
