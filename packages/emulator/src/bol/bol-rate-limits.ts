import type { RateLimitRule } from '../core/rate-limiter.js'

/**
 * The bol emulator's default rate limits: bol's per method + path rules, with bol's documented numbers scaled
 * down to seconds where the real interval (e.g. 7 per 3 minutes for `GET /retailer/orders`) would stall tests.
 * The most specific rule wins. Override any rule with the `rateLimits` option (same method and path replaces it).
 */
export const bolDefaultRateLimits: readonly RateLimitRule[] = [
  { method: 'GET', path: '/retailer/orders', limit: 20, intervalMs: 1_000 },
  { method: 'GET', path: '/retailer/orders/*', limit: 25, intervalMs: 1_000 },
  { method: 'PUT', path: '/retailer/orders/**', limit: 25, intervalMs: 1_000 },
  { method: 'POST', path: '/retailer/shipments', limit: 25, intervalMs: 1_000 },
  { method: 'GET', path: '/retailer/shipments/**', limit: 25, intervalMs: 1_000 },
  { method: '*', path: '/retailer/offers/**', limit: 50, intervalMs: 1_000 },
  { method: 'GET', path: '/shared/process-status/**', limit: 100, intervalMs: 1_000 },
  { method: 'POST', path: '/shared/process-status', limit: 10, intervalMs: 1_000 },
  { method: '*', path: '/retailer/**', limit: 25, intervalMs: 1_000 },
  { method: '*', path: '/shared/**', limit: 25, intervalMs: 1_000 },
]
