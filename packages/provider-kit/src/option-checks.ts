import { ConfigurationError } from '@b2bkit/http'
import type { RateLimiterOptions } from '@b2bkit/rate-limit'

/**
 * A required, non-empty string option, or a `ConfigurationError` naming the option. The message never repeats the
 * value (it may be a secret).
 *
 * @example
 * ```ts
 * const clientId = requireText('clientId', options.clientId)
 * ```
 */
export function requireText(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new ConfigurationError(option, 'is required: a non-empty string')
  return value
}

/**
 * An option that must be one of a few strings, or a `ConfigurationError` listing them.
 *
 * @example
 * ```ts
 * const environment = requireOneOf('environment', options.environment, ['production', 'staging'] as const)
 * ```
 */
export function requireOneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(option, `must be one of ${allowed.map((name) => `'${name}'`).join(', ')}`)
  }
  return value as T
}

/**
 * A credential that goes into a header: a non-empty string of visible ASCII, no control characters, no outer
 * spaces (RFC 9110 §5.5), so it can neither break the header nor be silently trimmed. The message never repeats it.
 *
 * @example
 * ```ts
 * const apiKey = requireHeaderValue('apiKey', options.apiKey)
 * ```
 */
export function requireHeaderValue(option: string, value: unknown): string {
  const text = requireText(option, value)
  if (!/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(text)) {
    throw new ConfigurationError(option, 'must be visible ASCII without control characters or outer spaces')
  }
  return text
}

/**
 * The limiter's options from a client's `rateLimit` option: `false` switches it off, an object replaces the
 * provider's defaults field by field (a `defaultRule` of its own replaces the documented one), `undefined` keeps the
 * defaults. Anything else is a `ConfigurationError` naming `rateLimit`.
 *
 * @example
 * ```ts
 * const limits = rateLimitOptions(options.rateLimit, { defaultRule: { limit: 100, intervalMs: 60_000 }, adaptive: true })
 * ```
 */
export function rateLimitOptions(value: unknown, defaults: RateLimiterOptions): RateLimiterOptions | false {
  if (value === false) return false
  if (value === undefined) return defaults
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigurationError(
      'rateLimit',
      'must be false or the limiter options, such as { defaultRule: { limit, intervalMs } }',
    )
  }
  return { ...defaults, ...(value as RateLimiterOptions) }
}
