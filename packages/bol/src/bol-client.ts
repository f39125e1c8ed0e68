import { bearerAuth, clientCredentials, type TokenSource } from '@b2bkit/auth'
import { etag } from '@b2bkit/etag'
import { asDirectory, commonClientOptions, composeProviderClient, type ProviderClientStats } from '@b2bkit/provider-kit'
import type { RateLimiter } from '@b2bkit/rate-limit'
import type { BeforeRequestState, KyInstance } from 'ky'
import type { BolClientOptions, BolEnvironment } from './bol-client-options.js'
import { limiterPlugin } from './internal/limiter-plugin.js'
import { retailerJson } from './internal/media-types.js'
import { createResourceContext } from './internal/resource-context.js'
import { createTransport } from './internal/transport.js'
import { urlOption, validateOptions } from './internal/validate-options.js'
import { resolvePolling } from './process-polling.js'
import { type CommissionsResource, commissionsResource } from './resources/commissions.js'
import { type InventoryResource, inventoryResource } from './resources/inventory.js'
import { type InvoicesResource, invoicesResource } from './resources/invoices.js'
import { type OffersResource, offersResource } from './resources/offers.js'
import { type OrdersResource, ordersResource } from './resources/orders.js'
import { type ProcessStatusResource, processStatusResource } from './resources/process-status.js'
import { type ReturnsResource, returnsResource } from './resources/returns.js'
import { type ShipmentsResource, shipmentsResource } from './resources/shipments.js'
import { type SubscriptionsResource, subscriptionsResource } from './resources/subscriptions.js'

/**
 * A plain snapshot of what a client did, for dashboards and the sample app's live view: requests (token requests
 * not), 429s, retries, token requests, calls waiting in the limiter, failures without an answer. The shape every
 * b2bkit provider client shares (`ProviderClientStats` of `@b2bkit/provider-kit`).
 *
 * @example
 * ```ts
 * const { requests, tooManyRequests, tokenRequests } = bol.stats()
 * ```
 */
export type BolClientStats = ProviderClientStats

/** A bol.com Retailer API v10 client: one namespace per resource, plus the parts it is built from. */
export interface BolClient {
  readonly orders: OrdersResource
  readonly shipments: ShipmentsResource
  readonly offers: OffersResource
  readonly returns: ReturnsResource
  readonly invoices: InvoicesResource
  readonly inventory: InventoryResource
  readonly commissions: CommissionsResource
  readonly subscriptions: SubscriptionsResource
  readonly processStatus: ProcessStatusResource
  /** The environment the client talks to. */
  readonly environment: BolEnvironment
  /** The ky instance every call goes through, for endpoints the client does not cover. */
  readonly http: KyInstance
  /** The token source every call shares. */
  readonly tokens: TokenSource
  /** The rate limiter, or `undefined` with `rateLimit: false`. */
  readonly limiter: RateLimiter | undefined
  /** What the client did so far. */
  stats(): BolClientStats
}

/**
 * bol answers only its vendor media types: a request through `client.http` without an `Accept` (or with the
 * `application/json` ky's `.json()` sets) gets `application/vnd.retailer.v10+json`. Set per request rather than as
 * a client header, because ky 2.1 joins a client header and a request header of the same name (`a, a`).
 */
const defaultAccept = ({ request }: BeforeRequestState) => {
  const accept = request.headers.get('accept')
  if (accept === null || accept === 'application/json') request.headers.set('accept', retailerJson)
}

/**
 * A client for the bol.com Retailer API v10 and the Shared API's process statuses. One token (OAuth2 client
 * credentials, Basic auth) serves every call; calls wait for bol's rate limits; failures are `ProblemError`s;
 * writes return their process status with `wait()`.
 *
 * @example
 * ```ts
 * const bol = createBolClient({ clientId, clientSecret, environment: 'production' })
 * for await (const order of bol.orders.iterate({ status: 'OPEN' })) {
 *   const shipment = await bol.shipments.create({ orderItems: [{ orderItemId: order.orderItems[0].orderItemId }] })
 *   const done = await shipment.wait() // SUCCESS, or throws ProcessFailedError
 * }
 * ```
 */
export function createBolClient(options: BolClientOptions): BolClient {
  validateOptions(options)
  const { environment, fetch, allowInsecureHttp } = options
  const baseUrl = new URL(asDirectory(urlOption('baseUrl', options.baseUrl, 'https://api.bol.com/')))
  const tokenUrl = urlOption('tokenUrl', options.tokenUrl, 'https://login.bol.com/token')
  const polling = resolvePolling(options.processPolling)

  let tokenRequests = 0
  const tokens = clientCredentials({
    tokenUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    authMethod: 'basic',
    onTokenRequest: (event) => {
      tokenRequests++
      options.onTokenRequest?.(event)
    },
    ...(options.tokenStore === undefined ? {} : { store: options.tokenStore }),
    ...(fetch === undefined ? {} : { fetch }),
    ...(allowInsecureHttp === undefined ? {} : { allowInsecureHttp }),
  })
  const { http, limiter, stats } = composeProviderClient({
    client: { baseUrl, hooks: { beforeRequest: [defaultAccept] }, ...commonClientOptions(options) },
    auth: bearerAuth(tokens),
    rateLimit: limiterPlugin(options.rateLimit, options.rateLimitStore, environment, baseUrl.pathname) ?? false,
    // bol sends no ETags today; etag() only revalidates GETs should it start to, and never adds If-Match to a write.
    afterProblem: [etag({ methods: [] })],
    tokenRequests: () => tokenRequests,
  })

  const demo = environment === 'demo'
  const transport = createTransport(http)
  const processStatus = processStatusResource(
    transport,
    (path) => `${demo ? 'shared-demo' : 'shared'}/${path}`,
    polling,
  )
  const context = createResourceContext(transport, demo ? 'retailer-demo' : 'retailer', processStatus.wait)
  return {
    orders: ordersResource(context),
    shipments: shipmentsResource(context),
    offers: offersResource(context),
    returns: returnsResource(context),
    invoices: invoicesResource(context),
    inventory: inventoryResource(context),
    commissions: commissionsResource(context),
    subscriptions: subscriptionsResource(context),
    processStatus,
    environment,
    http,
    tokens,
    limiter,
    stats,
  }
}
