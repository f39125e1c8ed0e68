// @b2bkit/convictional: a typed client for Convictional's Buyer, Seller and Shared APIs.
// Kept out on purpose: everything in src/internal (the plugin composition, the request and paging helpers, the
// explanation added to a 403); use `client.http` for endpoints this package does not wrap.
export type {
  BuyerApi,
  BuyerOrderInput,
  BuyerOrderItemInput,
  BuyerOrdersResource,
  BuyerProductsResource,
  CreateOrderOptions,
} from './buyer.js'
export {
  type ConvictionalClient,
  type ConvictionalClientOptions,
  convictionalBaseUrl,
  convictionalRateLimit,
  createConvictionalClient,
  documentedPaths,
  type SellerApi,
} from './client.js'
export type { ClientStats } from './client-stats.js'
export type { Area, AreaPrefixes } from './internal/api.js'
export type { ListParams } from './internal/pages.js'
export type { CallOptions } from './internal/transport.js'
export type {
  FulfillmentInput,
  OrderChange,
  OrderInvoiceInput,
  SellerOrderListParams,
  SellerOrdersResource,
} from './seller-orders.js'
export type { SellerPricesResource } from './seller-prices.js'
export type { ProductListParams, SellerProductsResource } from './seller-products.js'
export type { DocumentsResource, PartnersResource } from './shared.js'
export type {
  Address,
  ConvictionalDocument,
  ListPage,
  Me,
  Order,
  OrderItem,
  PageParams,
  Partner,
  PriceList,
  Product,
  ProductInput,
  Variant,
} from './types.js'
