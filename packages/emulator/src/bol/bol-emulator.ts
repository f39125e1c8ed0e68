import type { DeprecationRule } from '../core/deprecations.js'
import { type Emulator, launchEmulator } from '../core/emulator.js'
import type { Exchange } from '../core/exchange.js'
import { type ProviderDefinition, standardRateLimitHeaders } from '../core/provider.js'
import { RateLimiter } from '../core/rate-limiter.js'
import { Router } from '../core/router.js'
import { type CommonEmulatorOptions, createRuntime } from '../core/runtime.js'
import { registerBolCommissionRoutes } from './bol-commissions.js'
import type { BolContext } from './bol-context.js'
import { registerBolInventoryRoutes } from './bol-inventory.js'
import { registerBolInvoiceRoutes } from './bol-invoices.js'
import { checkMediaTypes } from './bol-media-types.js'
import { registerBolOfferRoutes } from './bol-offers.js'
import { registerBolOrderRoutes } from './bol-orders.js'
import { bolProblem } from './bol-problem.js'
import { registerBolProcessStatusRoutes } from './bol-process-status.js'
import { BolProcessEngine } from './bol-processes.js'
import { BolPushNotifier } from './bol-push.js'
import { bolDefaultRateLimits } from './bol-rate-limits.js'
import { registerBolReturnRoutes } from './bol-returns.js'
import { type BolSeedOptions, seedBolState } from './bol-seed.js'
import { registerBolShipmentRoutes } from './bol-shipments.js'
import { lazySigningKey } from './bol-signing.js'
import type { BolState } from './bol-state.js'
import { registerBolSubscriptionRoutes } from './bol-subscriptions.js'
import { type BolCredentials, bolAuthenticate, bolTokenEndpoint } from './bol-token-endpoint.js'

/** Options of the bol emulator (under `options.bol`). */
export interface BolOptions extends BolSeedOptions {
  /** Orders per page of `GET /retailer/orders`. @default 50 */
  ordersPageSize?: number
  /**
   * What a page past the end looks like: `'empty-list'` (`{"orders": []}`, what bol's OpenAPI document requires)
   * or `'empty-object'` (`{}`, what bol's servers have been seen to send). @default 'empty-list'
   */
  emptyPage?: 'empty-list' | 'empty-object'
  /** The client credentials the token endpoint accepts. @default { clientId: 'b2bkit-bol-client', clientSecret: 'b2bkit-bol-secret' } */
  credentials?: Partial<BolCredentials>
}

/** Endpoints bol's v10 document marks deprecated: the offer endpoints. The sunset date is the emulator's own. */
export const bolDefaultDeprecations: readonly DeprecationRule[] = ['/retailer', '/retailer-demo'].flatMap((prefix) => [
  { path: `${prefix}/offers`, deprecatedAt: '2025-01-01T00:00:00Z', sunsetAt: '2027-06-30T00:00:00Z' },
  { path: `${prefix}/offers/**`, deprecatedAt: '2025-01-01T00:00:00Z', sunsetAt: '2027-06-30T00:00:00Z' },
])

const readOnlyPosts = new Set([
  '/shared/process-status',
  '/retailer/commission',
  '/retailer/commissions',
  '/retailer/products/list',
])
const livePath = (path: string) => path.replace(/^\/(retailer|shared)-demo(?=\/|$)/, '/$1')
const isTokenRequest = (exchange: Pick<Exchange, 'path'>) => exchange.path === '/token'

/** Starts the bol.com Retailer API v10 + Shared API v10 emulator. */
export async function startBolEmulator(
  options: CommonEmulatorOptions & { bol?: BolOptions } = {},
): Promise<Emulator<BolState, BolCredentials>> {
  const runtime = createRuntime(options, {
    tokenTtlSeconds: 299,
    issuer: 'https://login.bol.com',
    deprecations: bolDefaultDeprecations,
  })
  const bol = options.bol ?? {}
  const state = seedBolState(runtime.random, bol)
  const credentials: BolCredentials = {
    clientId: bol.credentials?.clientId ?? 'b2bkit-bol-client',
    clientSecret: bol.credentials?.clientSecret ?? 'b2bkit-bol-secret',
  }
  const signingKey = lazySigningKey()
  const push = new BolPushNotifier(state, runtime, signingKey)
  const processes = new BolProcessEngine(state, runtime, options.processDelayMs ?? 200, (process) =>
    push.processSettled(process),
  )
  const context: BolContext = {
    state,
    runtime,
    processes,
    ordersPageSize: bol.ordersPageSize ?? 50,
    emptyPage: bol.emptyPage ?? 'empty-list',
  }
  const router = new Router()
  router.on('POST', '/token', (exchange) => bolTokenEndpoint(exchange, runtime, credentials))
  registerBolOrderRoutes(router, context)
  registerBolShipmentRoutes(router, context)
  registerBolOfferRoutes(router, context)
  registerBolReturnRoutes(router, context)
  registerBolInvoiceRoutes(router, context)
  registerBolInventoryRoutes(router, context)
  registerBolCommissionRoutes(router, context)
  registerBolProcessStatusRoutes(router, context)
  registerBolSubscriptionRoutes(router, context, push, signingKey)

  const limiter = RateLimiter.configured(bolDefaultRateLimits, options.rateLimits, runtime.clock)
  const definition: ProviderDefinition = {
    requestIdHeader: 'X-Request-ID',
    router,
    isTokenRequest,
    isWrite: (exchange) =>
      exchange.method !== 'GET' && exchange.method !== 'HEAD' && !readOnlyPosts.has(livePath(exchange.path)),
    preflight: checkMediaTypes,
    authenticate: async (exchange) => (isTokenRequest(exchange) ? undefined : bolAuthenticate(exchange, runtime)),
    rateLimiterFor: (exchange) => ({
      limiter,
      clientKey: exchange.principal.clientId ?? '',
      path: livePath(exchange.path),
    }),
    rateLimitHeaders: standardRateLimitHeaders,
    errorResponse: (exchange, status, message) => bolProblem(exchange, status, message),
  }
  return launchEmulator(runtime, definition, {
    provider: 'bol',
    port: options.port,
    state,
    credentials,
    tokenPath: '/token',
    limiter,
  })
}
