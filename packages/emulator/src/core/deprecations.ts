import { matchPath, methodMatches } from './path-pattern.js'

/**
 * An endpoint the emulator announces as deprecated, with `Warning: 299 - "Deprecated API"`,
 * `Deprecation` (RFC 9745) and, when `sunsetAt` is given, `Sunset` (RFC 8594) headers.
 *
 * @example { method: 'GET', path: '/retailer/orders', sunsetAt: '2027-01-01T00:00:00Z' }
 */
export interface DeprecationRule {
  /** HTTP method, or `'*'` for any. @default '*' */
  method?: string
  /** Path pattern (`*` one segment, `**` the rest). */
  path: string
  /** When the endpoint was deprecated (ISO 8601). @default '2025-01-01T00:00:00Z' */
  deprecatedAt?: string
  /** When the endpoint stops working (ISO 8601); omit to send no `Sunset` header. */
  sunsetAt?: string
}

/** The headers that announce a deprecation, or an empty object when no rule matches. */
export function deprecationHeaders(
  rules: readonly DeprecationRule[],
  method: string,
  path: string,
): Record<string, string> {
  const rule = rules.find((candidate) => methodMatches(candidate.method, method) && matchPath(candidate.path, path))
  if (!rule) return {}
  const deprecatedAt = Date.parse(rule.deprecatedAt ?? '2025-01-01T00:00:00Z')
  const headers: Record<string, string> = {
    warning: '299 - "Deprecated API"',
    deprecation: `@${Math.floor(deprecatedAt / 1000)}`,
  }
  if (rule.sunsetAt) headers.sunset = new Date(rule.sunsetAt).toUTCString()
  return headers
}
