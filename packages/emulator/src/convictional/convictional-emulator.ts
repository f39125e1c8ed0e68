import { secretsEqual } from '../core/client-credentials.js'
import { type Emulator, launchEmulator } from '../core/emulator.js'
import { headerValue } from '../core/exchange.js'
import type { ProviderDefinition } from '../core/provider.js'
import { RateLimiter, type RateLimitRule } from '../core/rate-limiter.js'
import { Router } from '../core/router.js'
import { type CommonEmulatorOptions, createRuntime } from '../core/runtime.js'
import { registerConvictionalCatalogRoutes } from './convictional-catalog.js'
import { registerConvictionalOrderRoutes } from './convictional-orders.js'
import { convictionalError } from './convictional-responses.js'
import { type ConvictionalSeedOptions, type ConvictionalState, seedConvictionalState } from './convictional-state.js'

/** Convictional API keys, one per company role. */
export interface ConvictionalCredentials {
  /** The buyer's key (`Authorization: <key>`): Buyer API and shared endpoints. */
  buyerApiKey: string
  /** The seller's key: Seller API and shared endpoints. */
  sellerApiKey: string
}

/** Options of the Convictional emulator (under `options.convictional`). */
export interface ConvictionalOptions extends ConvictionalSeedOptions {
  /** The API keys. @default { buyerApiKey: 'b2bkit-convictional-buyer-key', sellerApiKey: 'b2bkit-convictional-seller-key' } */
  credentials?: Partial<ConvictionalCredentials>
}

/** Convictional's documented limit: 5 requests per 1-second bucket per API key, shared by all endpoints. */
export const convictionalDefaultRateLimits: readonly RateLimitRule[] = [
  { path: '/**', limit: 5, intervalMs: 1_000, window: 'fixed' },
]

/** Starts the Convictional (buyer, seller and shared API) emulator. */
export async function startConvictionalEmulator(
  options: CommonEmulatorOptions & { convictional?: ConvictionalOptions } = {},
): Promise<Emulator<ConvictionalState, ConvictionalCredentials>> {
  const runtime = createRuntime(options, { tokenTtlSeconds: 0, issuer: 'convictional', deprecations: [] })
  const settings = options.convictional ?? {}
  const state = seedConvictionalState(runtime.random, settings)
  const credentials: ConvictionalCredentials = {
    buyerApiKey: settings.credentials?.buyerApiKey ?? 'b2bkit-convictional-buyer-key',
    sellerApiKey: settings.credentials?.sellerApiKey ?? 'b2bkit-convictional-seller-key',
  }
  const router = new Router()
  registerConvictionalCatalogRoutes(router, state, runtime)
  registerConvictionalOrderRoutes(router, state, runtime)
  const limiter = RateLimiter.configured(convictionalDefaultRateLimits, options.rateLimits, runtime.clock)
  const definition: ProviderDefinition = {
    requestIdHeader: 'X-Request-ID',
    router,
    isTokenRequest: () => false,
    authenticate: async (exchange) => {
      const key = headerValue(exchange, 'authorization')?.replace(/^Bearer\s+/i, '')
      const role = secretsEqual(key, credentials.buyerApiKey)
        ? 'buyer'
        : secretsEqual(key, credentials.sellerApiKey)
          ? 'seller'
          : undefined
      if (!role)
        return convictionalError(
          401,
          key ? 'Unauthorized: unknown API key.' : 'Unauthorized: the Authorization header is missing.',
        )
      const area = exchange.path.split('/')[1]
      if ((area === 'buyer' || area === 'seller') && area !== role) {
        return convictionalError(403, `Forbidden: a ${role} key cannot use the ${area} API.`)
      }
      exchange.principal = { role }
      return undefined
    },
    rateLimiterFor: (exchange) => ({ limiter, clientKey: exchange.principal.role ?? '' }),
    rateLimitHeaders: (decision) => ({
      'x-rate-limit-limit': String(decision.limit),
      'x-rate-limit-duration': String(Math.max(1, Math.round(decision.rule.intervalMs / 1000))),
    }),
    errorResponse: (_exchange, status, message) => convictionalError(status, message),
  }
  return launchEmulator(runtime, definition, {
    provider: 'convictional',
    port: options.port,
    state,
    credentials,
    limiter,
  })
}
