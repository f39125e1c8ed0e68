import { ConfigurationError } from '@b2bkit/http'
import type { ClientAuthMethod, TokenEndpointOptions } from '../token-endpoint-options.js'
import { optionalFunction, optionalMilliseconds, requireSecureUrl } from './options.js'
import { createServerClock } from './server-clock.js'
import { type TokenEndpoint, tokenRetryOptions } from './token-endpoint.js'

const defaultTimeoutMs = 10_000
const defaultLifetimeMs = 300_000

/** Checks the token endpoint options (a mistake throws `ConfigurationError` naming the option) and resolves them. */
export function resolveTokenEndpoint(
  options: TokenEndpointOptions,
  client: { clientId: string; clientSecret: string | undefined; authMethod: ClientAuthMethod },
): TokenEndpoint {
  const tokenUrl = requireSecureUrl('tokenUrl', options.tokenUrl, options.allowInsecureHttp === true)
  const retry = options.retry
  if (typeof retry === 'number' && !(Number.isInteger(retry) && retry >= 0)) {
    throw new ConfigurationError('retry', 'must be a whole number of retries, zero or more, or ky retry options')
  }
  if (retry !== undefined && typeof retry !== 'number' && (typeof retry !== 'object' || retry === null)) {
    throw new ConfigurationError('retry', 'must be a whole number of retries, zero or more, or ky retry options')
  }
  const lifetimeMs = optionalMilliseconds('defaultLifetimeMs', options.defaultLifetimeMs) ?? defaultLifetimeMs
  if (lifetimeMs === 0) throw new ConfigurationError('defaultLifetimeMs', 'must be more than zero')
  return {
    ...client,
    tokenUrl,
    fetch: optionalFunction('fetch', options.fetch) ?? ((input, init) => globalThis.fetch(input, init)),
    retry: tokenRetryOptions(retry),
    timeoutMs: optionalMilliseconds('timeoutMs', options.timeoutMs) ?? defaultTimeoutMs,
    clock: createServerClock(optionalFunction('clock', options.clock) ?? Date.now),
    defaultLifetimeMs: lifetimeMs,
  }
}
