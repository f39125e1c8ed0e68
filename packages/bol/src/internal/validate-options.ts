import { ConfigurationError, redactUrl } from '@b2bkit/http'
import type { BolClientOptions, BolEnvironment } from '../bol-client-options.js'

const environments: readonly BolEnvironment[] = ['production', 'demo']

/** An http(s) URL from an option, with a path that ends in `/` so relative paths extend it. */
export function urlOption(option: string, value: unknown, fallback: string): URL {
  if (value === undefined) return new URL(fallback)
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new ConfigurationError(option, 'must be an http(s) URL as a string or URL')
  }
  let url: URL
  try {
    url = new URL(value)
  } catch (error) {
    throw new ConfigurationError(option, `is not a URL: ${redactUrl(String(value))}`, { cause: error })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(option, `must be an http(s) URL, not ${url.protocol}`)
  }
  return url
}

const isFunction = (value: unknown) => typeof value === 'function'
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * Checks the options `createBolClient()` reads itself; the rest are checked by the packages that use them
 * (`createClient`, `clientCredentials`, `rateLimit`), which name the option too. Never echoes a secret.
 */
export function validateOptions(options: BolClientOptions): void {
  if (!isObject(options)) throw new ConfigurationError('options', 'createBolClient() needs an options object')
  for (const name of ['clientId', 'clientSecret'] as const) {
    const value: unknown = options[name]
    if (typeof value !== 'string' || value.trim() === '') {
      throw new ConfigurationError(name, 'is required: a non-empty string from bol’s partner platform')
    }
  }
  if (!environments.includes(options.environment)) {
    throw new ConfigurationError('environment', "must be 'production' or 'demo'")
  }
  const functions = {
    fetch: options.fetch,
    onDeprecation: options.onDeprecation,
    onTokenRequest: options.onTokenRequest,
  }
  for (const [name, value] of Object.entries(functions)) {
    if (value !== undefined && !isFunction(value)) throw new ConfigurationError(name, 'must be a function')
  }
  const store = options.tokenStore
  if (
    store !== undefined &&
    !(isObject(store) && isFunction(store.get) && isFunction(store.set) && isFunction(store.delete))
  ) {
    throw new ConfigurationError('tokenStore', 'must be a TokenStore with get, set and delete')
  }
  const rateLimit: unknown = options.rateLimit
  if (rateLimit !== undefined && rateLimit !== false && !isObject(rateLimit)) {
    throw new ConfigurationError('rateLimit', 'must be false, a list of rules, or the limiter’s settings')
  }
  if (options.userAgent !== undefined && typeof options.userAgent !== 'string') {
    throw new ConfigurationError('userAgent', 'must be a string such as "my-shop/2.3"')
  }
  const timeout: unknown = options.timeout
  if (timeout !== undefined && timeout !== false && !(typeof timeout === 'number' && timeout > 0)) {
    throw new ConfigurationError('timeout', 'must be a positive number of milliseconds, or false')
  }
}
