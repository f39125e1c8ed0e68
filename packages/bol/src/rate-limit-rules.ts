import type { RateLimitRule } from '@b2bkit/rate-limit'

/**
 * bol's documented rate limits, per method and path; the most specific matching rule wins. They come from bol's
 * rate-limit conventions (orders: 7 list calls per 3 minutes, 8 order reads per minute, 25 cancellations per minute)
 * and its published table of active limits (commissions, inventory, invoices, offer changes). Endpoints without a
 * rule here (shipments, returns, subscriptions, process status, offer creation and export) are limited by what bol's
 * `X-RateLimit-*` headers say: the client learns each one's budget from its first answer (`adaptive`), so a change
 * on bol's side is followed without a release.
 *
 * Paths are the production ones; in the demo environment the client moves them to `/retailer-demo/` and
 * `/shared-demo/` itself.
 *
 * @example
 * ```ts
 * createBolClient({ clientId, clientSecret, environment: 'production',
 *   rateLimit: [...bolRateLimitRules, { method: 'GET', path: '/retailer/returns', limit: 20, intervalMs: 60_000 }] })
 * ```
 */
export const bolRateLimitRules: readonly RateLimitRule[] = [
  { method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 },
  { method: 'GET', path: '/retailer/orders/*', limit: 8, intervalMs: 60_000 },
  { method: 'PUT', path: '/retailer/orders/cancellation', limit: 25, intervalMs: 60_000 },
  { method: 'POST', path: '/retailer/commission', limit: 28, intervalMs: 1_000 },
  { method: 'GET', path: '/retailer/commission/*', limit: 28, intervalMs: 1_000 },
  { method: 'POST', path: '/retailer/commissions', limit: 10, intervalMs: 1_000 },
  { method: 'GET', path: '/retailer/inventory', limit: 20, intervalMs: 60_000 },
  { method: 'GET', path: '/retailer/invoices', limit: 24, intervalMs: 60_000 },
  { method: 'GET', path: '/retailer/invoices/*', limit: 24, intervalMs: 60_000 },
  { method: 'PUT', path: '/retailer/offers/*', limit: 50, intervalMs: 1_000 },
  { method: 'DELETE', path: '/retailer/offers/*', limit: 50, intervalMs: 1_000 },
  { method: 'PUT', path: '/retailer/offers/*/price', limit: 50, intervalMs: 1_000 },
  { method: 'PUT', path: '/retailer/offers/*/stock', limit: 50, intervalMs: 1_000 },
]

/**
 * The rules as the client applies them: paths moved to the demo prefixes in the demo environment, and under the
 * base URL's own path (a proxy such as `https://gateway.example/bol/`).
 */
export function placeRules(
  rules: readonly RateLimitRule[],
  environment: 'production' | 'demo',
  basePath: string,
): RateLimitRule[] {
  const base = basePath.replace(/\/+$/, '')
  return rules.map((rule) => {
    // A path that does not start with "/" is left as it is, for the limiter to refuse with a ConfigurationError.
    if (typeof rule?.path !== 'string' || !rule.path.startsWith('/')) return rule
    const path = environment === 'demo' ? rule.path.replace(/^\/(retailer|shared)(?=\/|$)/, '/$1-demo') : rule.path
    return { ...rule, path: `${base}${path}` }
  })
}
