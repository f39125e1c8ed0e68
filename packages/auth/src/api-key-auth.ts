import { assertSecureUrl, ConfigurationError, definePlugin, type Plugin } from '@b2bkit/http'
import { optionalText, requireText } from './internal/options.js'

/** Options of `apiKeyAuth()`. */
export interface ApiKeyAuthOptions {
  /**
   * The header that carries the key.
   * @example
   * ```ts
   * header: 'X-B2B-API-Key' // B2Brouter; 'Authorization' for Convictional
   * ```
   */
  header: string
  /**
   * The key, or a function that returns it (called per request, for keys that rotate). Never appears in an error
   * or log line.
   */
  value: string | (() => string | Promise<string>)
  /**
   * A scheme put before the key, with one space between: `prefix: 'Token'` sends `Token <key>`.
   * @default none (the raw key)
   */
  prefix?: string | undefined
  /**
   * Allow sending the key over plain `http://` to a host that is not loopback. `createClient({ allowInsecureHttp })`
   * allows it for every plugin of that client, through the request context.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined
}

// RFC 9110 §5.1: a field name is a token. §5.5: a value, kept here to visible ASCII and inner spaces.
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const headerValue = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/

/** A key fit for a header; the message never shows it. */
function requireKey(value: unknown): string {
  const key = requireText('value', value)
  if (!headerValue.test(key)) {
    throw new ConfigurationError('value', 'must be visible ASCII without control characters or outer spaces')
  }
  return key
}

/**
 * A plugin that sends an API key in a header on every request: B2Brouter's `X-B2B-API-Key: <key>`, Convictional's
 * `Authorization: <key>`. Options are checked here: a mistake throws `ConfigurationError` naming the option.
 *
 * @example
 * ```ts
 * const b2brouter = createClient({
 *   baseUrl: 'https://api.b2brouter.net',
 *   plugins: [apiKeyAuth({ header: 'X-B2B-API-Key', value: process.env.B2BROUTER_API_KEY })],
 * })
 * const convictional = createClient({
 *   baseUrl: 'https://api.convictional.com',
 *   plugins: [apiKeyAuth({ header: 'Authorization', value: process.env.CONVICTIONAL_API_KEY })],
 * })
 * ```
 */
export function apiKeyAuth(options: ApiKeyAuthOptions): Plugin {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'apiKeyAuth() needs an options object')
  }
  const header = requireText('header', options.header)
  if (!headerName.test(header)) throw new ConfigurationError('header', 'is not a valid HTTP header name')
  const prefix = optionalText('prefix', options.prefix)
  const { value } = options
  if (typeof value !== 'function') requireKey(value)
  const allowInsecureHttp = options.allowInsecureHttp === true

  return definePlugin('api-key-auth', {
    hooks: {
      beforeRequest: [
        async ({ request, options: requestOptions }) => {
          assertSecureUrl(request.url, allowInsecureHttp || requestOptions.context.allowInsecureHttp === true)
          const key = requireKey(typeof value === 'function' ? await value() : value)
          request.headers.set(header, prefix === undefined ? key : `${prefix} ${key}`)
        },
      ],
    },
  })
}
