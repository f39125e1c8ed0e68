// How the job's clients reach the demo world's emulators: their URLs and demo credentials, bol's rate-limit rules as
// the emulator counts them, quick process polling; and a supplier catalogue that carries the shop's EANs.
import { bolDefaultRateLimits, type EmulatorFor } from '@b2bkit/emulator'
import type { RateLimitRule } from '@b2bkit/rate-limit'
import { type ProviderName, type ProviderSettings, sampleUserAgent } from '../job-config.ts'

/** The four running emulators. */
export type DemoEmulators = { [Provider in ProviderName]: EmulatorFor<Provider> }

/** The emulator's rate-limit rules as client rules (its `*` method means any method). */
const clientRules = (rules: typeof bolDefaultRateLimits): RateLimitRule[] =>
  rules.map(({ method, path, limit, intervalMs }) => ({
    ...(method === undefined || method === '*' ? {} : { method }),
    path,
    limit,
    intervalMs,
  }))

/**
 * The supplier sells what the shop sells: give the supplier's variants the EANs of the shop's bol offers, so every
 * order line finds its variant by barcode (a real supplier catalogue carries the EANs already).
 */
export function alignCatalogs(emulators: DemoEmulators): void {
  const variants = [...emulators.convictional.state.products.values()].flatMap((product) => product.variants)
  const eans = [...new Set([...emulators.bol.state.offers.values()].map((offer) => offer.ean))]
  eans.forEach((ean, index) => {
    const variant = variants[index]
    if (variant !== undefined) variant.barcode = ean
  })
}

/** Client settings that reach the emulators. */
export function clientSettingsFor(emulators: DemoEmulators): ProviderSettings {
  const { bol, b2brouter, convictional, siesmart } = emulators
  const userAgent = sampleUserAgent
  return {
    bol: {
      ...bol.credentials,
      environment: 'production',
      baseUrl: bol.url,
      tokenUrl: bol.tokenUrl,
      // bol's production rules (7 order lists per 3 minutes…) would stall a demo; the emulator counts these.
      rateLimit: clientRules(bolDefaultRateLimits),
      processPolling: { intervalMs: 50, maxIntervalMs: 500, batchIntervalMs: 50, timeoutMs: 60_000 },
      userAgent,
    },
    b2brouter: {
      client: { apiKey: b2brouter.credentials.apiKey, environment: 'staging', baseUrl: b2brouter.url, userAgent },
      accountId: b2brouter.credentials.accountId,
    },
    convictional: {
      apiKey: convictional.credentials.buyerApiKey,
      baseUrl: convictional.url,
      // The emulator serves the shared API (partners) under the key's role.
      paths: { shared: 'buyer' },
      userAgent,
    },
    siesmart: {
      client: {
        clientId: siesmart.credentials.clientId,
        clientSecret: siesmart.credentials.clientSecret,
        environment: 'test',
        baseUrl: siesmart.url,
        tokenUrl: siesmart.tokenUrl,
        userAgent,
      },
    },
  }
}
