// @b2bkit/convictional: a typed client for Convictional's Buyer, Seller and Shared APIs.
// Kept out on purpose: everything in src/internal (the paging helpers, the explanation added to a 403); the plugin
// composition and request helpers are @b2bkit/provider-kit's. Use `client.http` for endpoints this package does not
// wrap.
export type {
  BuyerApi,
  BuyerOrderInput,
  BuyerOrderItemInput,
  BuyerOrdersResource,
  BuyerProductsResource,
  CreateOrderOptions,
} from './buyer.js'
export type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
export {
  type ConvictionalClient,
  type ConvictionalClientOptions,
  convictionalBaseUrl,
  convictionalRateLimit,
  createConvictionalClient,
  documentedPaths,
  type SellerApi,
} from './client.js'
export type { ConvictionalClientStats } from './client-stats.js'
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
  Area,
  AreaPrefixes,
  ConvictionalDocument,
  ListPage,
  ListParams,
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
