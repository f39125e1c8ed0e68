import { secretsEqual } from '../core/client-credentials.js'
import { type Emulator, launchEmulator } from '../core/emulator.js'
import { headerValue } from '../core/exchange.js'
import { type ProviderDefinition, standardRateLimitHeaders } from '../core/provider.js'
import { RateLimiter, type RateLimitRule } from '../core/rate-limiter.js'
import { Router } from '../core/router.js'
import { type CommonEmulatorOptions, createRuntime } from '../core/runtime.js'
import { registerB2BrouterAccountRoutes } from './b2brouter-accounts.js'
import { registerB2BrouterInvoiceActions } from './b2brouter-invoice-actions.js'
import { registerB2BrouterInvoiceRoutes } from './b2brouter-invoices.js'
import { b2brouterError } from './b2brouter-responses.js'
import { type B2BrouterSeedOptions, type B2BrouterState, seedB2BrouterState } from './b2brouter-state.js'
import { fireInvoiceEvent, registerB2BrouterWebhookRoutes } from './b2brouter-webhooks.js'

/** B2Brouter API keys: one per environment (a key only works in its own environment). */
export interface B2BrouterCredentials {
  /** The key of the environment this emulator plays (`X-B2B-API-Key`). */
  apiKey: string
  /** The staging key. */
  stagingApiKey: string
  /** The production key. */
  productionApiKey: string
  /** The id of the seeded demo account. */
  accountId: number
}

/** Options of the B2Brouter emulator (under `options.b2brouter`). */
export interface B2BrouterOptions extends B2BrouterSeedOptions {
  /** Which environment the emulator plays; the other environment's key is refused. @default 'staging' */
  environment?: 'staging' | 'production'
  /** The API keys. @default { staging: 'b2bkit-b2brouter-staging-key', production: 'b2bkit-b2brouter-production-key' } */
  apiKeys?: { staging?: string; production?: string }
}

/** B2Brouter's request limits per API key: 600 per minute in staging, 1,000 per minute in production. */
export const b2brouterDefaultRateLimits: Readonly<Record<'staging' | 'production', readonly RateLimitRule[]>> = {
  staging: [{ path: '/**', limit: 600, intervalMs: 60_000 }],
  production: [{ path: '/**', limit: 1_000, intervalMs: 60_000 }],
}

/** Starts the B2Brouter e-invoicing API emulator. */
export async function startB2BrouterEmulator(
  options: CommonEmulatorOptions & { b2brouter?: B2BrouterOptions } = {},
): Promise<Emulator<B2BrouterState, B2BrouterCredentials>> {
  const runtime = createRuntime(options, { tokenTtlSeconds: 0, issuer: 'b2brouter', deprecations: [] })
  const settings = options.b2brouter ?? {}
  const environment = settings.environment ?? 'staging'
  const state = seedB2BrouterState(runtime.random, environment, settings)
  const keys = {
    staging: settings.apiKeys?.staging ?? 'b2bkit-b2brouter-staging-key',
    production: settings.apiKeys?.production ?? 'b2bkit-b2brouter-production-key',
  }
  const credentials: B2BrouterCredentials = {
    apiKey: keys[environment],
    stagingApiKey: keys.staging,
    productionApiKey: keys.production,
    accountId: [...state.accounts.keys()][0] ?? 0,
  }
  const router = new Router()
  const onStateChange = (invoice: Parameters<typeof fireInvoiceEvent>[3]) =>
    fireInvoiceEvent(state, runtime, 'issued_invoice.state_change', invoice)
  registerB2BrouterAccountRoutes(router, state, runtime)
  registerB2BrouterInvoiceRoutes(router, state, runtime, (invoice, sendNow) => {
    fireInvoiceEvent(state, runtime, 'issued_invoice.created', invoice)
    if (sendNow) {
      invoice.state = 'sent'
      onStateChange(invoice)
    }
  })
  registerB2BrouterInvoiceActions(router, state, runtime, onStateChange)
  registerB2BrouterWebhookRoutes(router, state)

  const limiter = RateLimiter.configured(b2brouterDefaultRateLimits[environment], options.rateLimits, runtime.clock)
  const definition: ProviderDefinition = {
    requestIdHeader: 'X-Request-Id',
    router,
    isTokenRequest: () => false,
    authenticate: async (exchange) => {
      const key = headerValue(exchange, 'x-b2b-api-key')
      if (!key) return b2brouterError(401, 'The X-B2B-API-Key header is missing.')
      if (secretsEqual(key, keys[environment])) {
        exchange.principal = { environment }
        return undefined
      }
      const other = environment === 'staging' ? 'production' : 'staging'
      if (secretsEqual(key, keys[other]))
        return b2brouterError(401, `This is a ${other} API key; this is the ${environment} environment.`)
      return b2brouterError(401, 'Invalid API key.')
    },
    rateLimiterFor: () => ({ limiter, clientKey: environment }),
    rateLimitHeaders: standardRateLimitHeaders,
    errorResponse: (_exchange, status, message) => b2brouterError(status, message),
  }
  return launchEmulator(runtime, definition, {
    provider: 'b2brouter',
    port: options.port,
    state,
    credentials,
    limiter,
  })
}
