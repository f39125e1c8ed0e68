import { ConfigurationError } from '@b2bkit/http'
import type { ClientAuthMethod, TokenEndpointOptions } from '../token-endpoint-options.js'
import { optionalFunction, optionalPositiveMilliseconds, requireSecureUrl } from './options.js'
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
  const validRetry =
    retry === undefined ||
    (typeof retry === 'number' && Number.isInteger(retry) && retry >= 0) ||
    (typeof retry === 'object' && retry !== null)
  if (!validRetry) {
    throw new ConfigurationError('retry', 'must be a whole number of retries, zero or more, or ky retry options')
  }
  const lifetimeMs = optionalPositiveMilliseconds('defaultLifetimeMs', options.defaultLifetimeMs) ?? defaultLifetimeMs
  return {
    ...client,
    tokenUrl,
    fetch: optionalFunction('fetch', options.fetch) ?? ((input, init) => globalThis.fetch(input, init)),
    retry: tokenRetryOptions(retry),
    timeoutMs: optionalPositiveMilliseconds('timeoutMs', options.timeoutMs) ?? defaultTimeoutMs,
    clock: createServerClock(optionalFunction('clock', options.clock) ?? Date.now),
    defaultLifetimeMs: lifetimeMs,
  }
}
