import { apiKeyAuth } from '@b2bkit/auth'
import { ConfigurationError } from '@b2bkit/http'
import {
  asDirectory,
  type CommonClientOptions,
  commonClientOptions,
  composeProviderClient,
  rateLimitOptions,
  requireHeaderValue,
} from '@b2bkit/provider-kit'
import type { RateLimiter, RateLimiterOptions, RateLimitStore } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import { type BuyerApi, buyerApi } from './buyer.js'
import type { ConvictionalCallOptions } from './call-options.js'
import type { ConvictionalClientStats } from './client-stats.js'
import { apiArea } from './internal/api.js'
import { type SellerOrdersResource, sellerOrdersResource } from './seller-orders.js'
import { type SellerPricesResource, sellerPricesResource } from './seller-prices.js'
import { type SellerProductsResource, sellerProductsResource } from './seller-products.js'
import { type DocumentsResource, documentsResource, meCall, type PartnersResource, partnersResource } from './shared.js'
import type { AreaPrefixes, Me } from './types.js'

/**
 * Convictional's API host.
 *
 * @example
 * ```ts
 * createConvictionalClient({ apiKey, baseUrl: convictionalBaseUrl })
 * ```
 */
export const convictionalBaseUrl = 'https://api.convictional.com'

/**
 * Convictional's documented limit: 5 requests per 1-second bucket per API key, shared by every endpoint.
 *
 * @example
 * ```ts
 * createConvictionalClient({ apiKey, rateLimit: { defaultRule: { ...convictionalRateLimit, name: 'shared-key' } } })
 * ```
 */
export const convictionalRateLimit = { limit: 5, intervalMs: 1_000 } as const

/**
 * Where each of Convictional's APIs lives below the base URL, as its reference documents them: the Seller and
 * Shared APIs at the root (`/orders`, `/partners`, `/auth/me`), the Buyer API under `/buyer`.
 *
 * @example
 * ```ts
 * createConvictionalClient({ apiKey, paths: { ...documentedPaths, seller: 'seller' } })
 * ```
 */
export const documentedPaths: Readonly<AreaPrefixes> = { seller: '', buyer: 'buyer', shared: '' }

/**
 * Options of `createConvictionalClient()`.
 *
 * @example
 * ```ts
 * const options: ConvictionalClientOptions = { apiKey: process.env.CONVICTIONAL_API_KEY, userAgent: 'erp-sync/1.4' }
 * ```
 */
export interface ConvictionalClientOptions extends CommonClientOptions {
  /** The API key, sent as `Authorization: <key>` (no scheme). A buyer key opens the Buyer API, a seller key the Seller API. Never logged. */
  apiKey: string
  /**
   * Another base URL: a proxy, or `@b2bkit/emulator`'s `url`.
   * @default 'https://api.convictional.com'
   */
  baseUrl?: string | URL | undefined
  /**
   * Where each API lives below the base URL. `@b2bkit/emulator` serves the Seller API under `/seller` and the shared
   * partner list per role: `{ seller: 'seller', shared: 'seller' }` (or `'buyer'` with a buyer key).
   * @default { seller: '', buyer: 'buyer', shared: '' }
   */
  paths?: Partial<AreaPrefixes> | undefined
  /**
   * The rate limiter: `false` switches it off; an object overrides the default, field by field. It adapts to the
   * `X-Rate-Limit-Limit` and `X-Rate-Limit-Duration` headers.
   * @default { defaultRule: 5 per 1,000 ms, adaptive: true }
   */
  rateLimit?: Omit<RateLimiterOptions, 'store'> | false | undefined
  /** Where the limiter keeps its budgets: a shared store (`@b2bkit/redis`) makes many processes share one quota. @default in memory */
  rateLimitStore?: RateLimitStore | undefined
}

/**
 * `client.seller`: the Seller API.
 *
 * @example
 * ```ts
 * const seller: SellerApi = client.seller
 * await seller.orders.cancel(orderId)
 * ```
 */
export interface SellerApi {
  readonly orders: SellerOrdersResource
  readonly products: SellerProductsResource
  readonly prices: SellerPricesResource
}

/**
 * A Convictional client: the Seller, Buyer and Shared APIs, and the machinery underneath.
 *
 * @example
 * ```ts
 * const client: ConvictionalClient = createConvictionalClient({ apiKey })
 * console.log(await client.me())
 * ```
 */
export interface ConvictionalClient {
  /** The Seller API: orders, products, prices. A buyer key gets a `ForbiddenError` that says so. */
  readonly seller: SellerApi
  /** The Buyer API: products, orders. A seller key gets a `ForbiddenError` that says so. */
  readonly buyer: BuyerApi
  /** The user and company of the API key (`GET /auth/me`). */
  me(options?: ConvictionalCallOptions): Promise<Me>
  /** Trading partners. */
  readonly partners: PartnersResource
  /** Documents shared with partners. */
  readonly documents: DocumentsResource
  /** The composed ky instance, for endpoints this package does not wrap. */
  readonly http: KyInstance
  /** The rate limiter (`undefined` when `rateLimit: false`). */
  readonly limiter: RateLimiter | undefined
  /** What the client has done so far: requests, 429s, retries, requests waiting in the limiter. */
  stats(): ConvictionalClientStats
}

/**
 * A typed client for Convictional's Buyer, Seller and Shared APIs: `Authorization: <key>` on every request, the
 * 5-per-second bucket (adapting to `X-Rate-Limit-*`), `X-Request-ID` on every result and error, and `next`-link
 * pagination. Options are checked here: a mistake throws `ConfigurationError` naming the option, never its value.
 *
 * @example
 * ```ts
 * const convictional = createConvictionalClient({ apiKey: process.env.CONVICTIONAL_API_KEY })
 * for await (const order of convictional.seller.orders.iterate({ shipped: false })) console.log(order._id)
 * await convictional.seller.orders.createFulfillment(orderId, { carrier: 'UPS', trackingCode: '1Z…' })
 * ```
 */
export function createConvictionalClient(options: ConvictionalClientOptions): ConvictionalClient {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'createConvictionalClient() needs { apiKey }')
  }
  const apiKey = requireHeaderValue('apiKey', options.apiKey)
  const paths = pathsOf(options.paths)
  const rateLimit = rateLimitOptions(options.rateLimit, {
    defaultRule: { ...convictionalRateLimit, name: 'convictional' },
    adaptive: true,
  })
  const baseUrl = options.baseUrl ?? convictionalBaseUrl
  const { http, limiter, stats } = composeProviderClient({
    client: { baseUrl, headers: { accept: 'application/json' }, ...commonClientOptions(options) },
    auth: apiKeyAuth({ header: 'Authorization', value: apiKey }),
    rateLimit,
    rateLimitStore: options.rateLimitStore,
    problemParsers: [],
  })
  const directory = new URL(asDirectory(baseUrl))
  const area = (name: 'seller' | 'buyer' | 'shared') => apiArea(http, directory, name, paths)
  const shared = area('shared')
  const seller = area('seller')
  return {
    seller: {
      orders: sellerOrdersResource(seller),
      products: sellerProductsResource(seller),
      prices: sellerPricesResource(seller),
    },
    buyer: buyerApi(area('buyer')),
    me: meCall(shared),
    partners: partnersResource(shared),
    documents: documentsResource(shared),
    http,
    limiter,
    stats,
  }
}

function pathsOf(value: unknown): AreaPrefixes {
  if (value === undefined) return { ...documentedPaths }
  if (typeof value !== 'object' || value === null) {
    throw new ConfigurationError('paths', "must be an object such as { seller: 'seller' }")
  }
  const paths = { ...documentedPaths, ...(value as Partial<AreaPrefixes>) }
  for (const [name, prefix] of Object.entries(paths)) {
    if (typeof prefix !== 'string' || !/^[\w\-/]*$/.test(prefix)) {
      throw new ConfigurationError(`paths.${name}`, 'must be a path prefix such as "seller" (letters, digits, - _ /)')
    }
  }
  return paths
}
