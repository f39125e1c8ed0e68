import { type Emulator, launchEmulator } from '../core/emulator.js'
import type { Exchange } from '../core/exchange.js'
import { type ProviderDefinition, standardRateLimitHeaders } from '../core/provider.js'
import { RateLimiter, type RateLimitRule } from '../core/rate-limiter.js'
import { Router } from '../core/router.js'
import { type CommonEmulatorOptions, createRuntime } from '../core/runtime.js'
import { registerSiesmartConfigRoutes, registerSiesmartProposalRoutes } from './siesmart-proposals.js'
import { siesmartError } from './siesmart-responses.js'
import { type SiesmartState, seedSiesmartState } from './siesmart-state.js'
import { type SiesmartCredentials, siesmartTokenEndpoint } from './siesmart-token-endpoint.js'

/** Options of the SieSmart emulator (under `options.siesmart`). */
export interface SiesmartOptions {
  /** The client credentials and audience. @default { clientId: 'b2bkit-siesmart-client', clientSecret: 'b2bkit-siesmart-secret', audience: 'https://api.siesmart.com/b2b' } */
  credentials?: Partial<SiesmartCredentials>
}

/** SieSmart's limit: 100 requests per minute per client. */
export const siesmartDefaultRateLimits: readonly RateLimitRule[] = [
  { path: '/siesmart/**', limit: 100, intervalMs: 60_000 },
]

const isTokenRequest = (exchange: Pick<Exchange, 'path'>) => exchange.path === '/oauth/token'

/** Starts the SieSmart (Siemens Financial Services introducer) API emulator. */
export async function startSiesmartEmulator(
  options: CommonEmulatorOptions & { siesmart?: SiesmartOptions } = {},
): Promise<Emulator<SiesmartState, SiesmartCredentials>> {
  const runtime = createRuntime(options, {
    tokenTtlSeconds: 86_400,
    issuer: 'https://sfs.auth0.example/',
    deprecations: [],
  })
  const state = seedSiesmartState(runtime.random)
  const credentials: SiesmartCredentials = {
    clientId: options.siesmart?.credentials?.clientId ?? 'b2bkit-siesmart-client',
    clientSecret: options.siesmart?.credentials?.clientSecret ?? 'b2bkit-siesmart-secret',
    audience: options.siesmart?.credentials?.audience ?? 'https://api.siesmart.com/b2b',
  }
  const router = new Router()
  router.on('POST', '/oauth/token', (exchange) => siesmartTokenEndpoint(exchange, runtime, credentials))
  registerSiesmartProposalRoutes(router, state, runtime)
  registerSiesmartConfigRoutes(router, state)
  const limiter = RateLimiter.configured(siesmartDefaultRateLimits, options.rateLimits, runtime.clock)
  const definition: ProviderDefinition = {
    requestIdHeader: 'X-B2B-TRACE-ID',
    router,
    isTokenRequest,
    authenticate: async (exchange) => {
      if (isTokenRequest(exchange)) return undefined
      const check = await runtime.tokens.verify(exchange.headers.authorization)
      if (check.ok) {
        exchange.principal = { clientId: String(check.claims.sub ?? '') }
        return undefined
      }
      const message = { missing: 'A bearer token is required.', invalid: 'Invalid token.', expired: 'Token expired.' }[
        check.reason
      ]
      return siesmartError(exchange, 401, message)
    },
    rateLimiterFor: (exchange) => ({ limiter, clientKey: exchange.principal.clientId ?? '' }),
    rateLimitHeaders: standardRateLimitHeaders,
    errorResponse: (exchange, status, message) => siesmartError(exchange, status, message),
  }
  return launchEmulator(runtime, definition, {
    provider: 'siesmart',
    port: options.port,
    state,
    credentials,
    basePath: '/siesmart/b2b',
    tokenPath: '/oauth/token',
    limiter,
  })
}
