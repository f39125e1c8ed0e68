import ky, {
  type AfterResponseHook,
  type Hooks,
  isNetworkError,
  isTimeoutError,
  type KyInstance,
  type Options,
  type RetryOptions,
} from 'ky'
import { applyBodyBounds, type BodyBounds, defaultMaxResponseBytes } from './bounded-body.js'
import { type DeprecationHandler, readDeprecation } from './deprecation.js'
import { ConfigurationError, isB2bkitError, NetworkError, TimeoutError } from './errors.js'
import { foldHeadersOnlyHooks, headersOnly, type Plugin } from './plugin.js'
import { displayUrl, redactText, redactUrl } from './redact.js'
import { sendFollowingRedirects } from './redirects.js'
import { getRequestId } from './request-id.js'
import { type IdempotencyOptions, idempotentRetry, markRetrySafe, unmarkRetrySafe } from './retry-policy.js'
import { assertSecureUrl, hasCredentials } from './secure-transport.js'
import { userAgentOf } from './version.js'

/** Options of `createClient()`: b2bkit's own, plus any ky option (`timeout`, `headers`, `prefix`, …). */
export interface CreateClientOptions extends Omit<Options, 'retry' | 'fetch' | 'baseUrl'>, IdempotencyOptions {
  /** The API's base URL; request paths resolve against it. */
  baseUrl: string | URL
  /** Capabilities, merged in order: a later plugin's hooks run after an earlier one's. */
  plugins?: readonly Plugin[]
  /**
   * Your app's name and version, appended to the `User-Agent` (`b2bkit/1.0.0 my-shop/2.3`).
   * @default none
   */
  userAgent?: string
  /**
   * How often a failed request is retried (ky's retry options, or a number as the limit). POST and PATCH
   * retry only when safe: see `idempotencyKeyHeader`.
   * @default 2
   */
  retry?: number | Options['retry']
  /** The `fetch` to send with (a test double, an instrumented fetch, a proxy agent). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch
  /**
   * Allow credentials over plain `http://` to hosts that are not loopback. Off, because a token sent in clear
   * text is a token given away.
   * @default false
   */
  allowInsecureHttp?: boolean
  /**
   * More request headers that carry credentials, besides `Authorization`, `X-API-Key`, `X-B2B-API-Key` and
   * cookies: the insecure-http check guards them too, and plugins read them from `options.context.secretHeaders`
   * to redact them.
   * @default []
   */
  secretHeaders?: readonly string[]
  /** Called once per endpoint when a response says the endpoint is deprecated (`Warning: 299`, `Deprecation`, `Sunset`). */
  onDeprecation?: DeprecationHandler
  /**
   * The most bytes of a response body (after decompression) that are read; a longer body fails with
   * `ResponseTooLargeError` instead of filling memory. `false` for no bound. One request may set its own with
   * `context: { maxResponseBytes }`.
   * @default 16_777_216 (16 MiB)
   */
  maxResponseBytes?: number | false
}

/**
 * A ky instance with b2bkit's defaults and the given plugins merged in order.
 *
 * Every instance: sends `User-Agent: b2bkit/<version>`; retries only what is safe to retry; refuses to send
 * credentials over plain http to a remote host; puts the provider's request id on every error
 * (`error.requestId`); turns network failures and timeouts into `NetworkError` / `TimeoutError`; reports
 * deprecated endpoints once each.
 *
 * @example
 * ```ts
 * const http = createClient({
 *   baseUrl: 'https://api.bol.com',
 *   plugins: [bearerAuth(tokens), rateLimit({ rules }), problemDetails()],
 * })
 * const orders = await http.get('retailer/orders').json()
 * ```
 */
export function createClient(options: CreateClientOptions): KyInstance {
  const {
    plugins = [],
    userAgent,
    retry = 2,
    fetch: fetchOption,
    allowInsecureHttp = false,
    secretHeaders: secretHeadersOption = [],
    onDeprecation,
    idempotencyKeyHeader,
    maxResponseBytes = defaultMaxResponseBytes,
    hooks,
    headers,
    ...kyOptions
  } = options
  const baseUrl = parseBaseUrl(options.baseUrl)
  checkMaxResponseBytes(maxResponseBytes, 'maxResponseBytes')
  for (const [index, plugin] of plugins.entries()) {
    if (typeof plugin !== 'object' || plugin === null || typeof plugin.name !== 'string' || !plugin.options) {
      throw new ConfigurationError(`plugins[${index}]`, 'is not a plugin: expected { name, options }')
    }
  }
  // Extra credential headers may come as the option or, as plain ky users pass them, in the context.
  const contextSecretHeaders = kyOptions.context?.['secretHeaders']
  const secretHeaders = [
    ...secretHeadersOption,
    ...(Array.isArray(contextSecretHeaders) ? contextSecretHeaders.filter((name) => typeof name === 'string') : []),
  ]
  const sendFetch = fetchOption ?? globalThis.fetch
  const clientMaxBytes = maxResponseBytes === false ? undefined : maxResponseBytes
  const secureFetchWith =
    (send: typeof globalThis.fetch, bounds: Pick<BodyBounds, 'maxBytes' | 'timeoutMs'>): typeof globalThis.fetch =>
    async (input, init) => {
      // Runs after every beforeRequest hook, so it sees the credentials the auth plugin added.
      const request = input instanceof Request ? input : new Request(input, init)
      const credentials = hasCredentials(request.headers, secretHeaders)
      if (credentials) assertSecureUrl(request.url, allowInsecureHttp)
      unmarkRetrySafe(request)
      const extraInit = input instanceof Request ? init : undefined
      const response = credentials
        ? await sendFollowingRedirects(request, send, secretHeaders, extraInit)
        : await send(request, extraInit)
      return applyBodyBounds(response, { ...bounds, method: request.method, url: request.url })
    }

  const retryOptions =
    typeof retry === 'number'
      ? idempotentRetry(retry, { idempotencyKeyHeader })
      : mergeRetry(retry, idempotencyKeyHeader)
  // Every afterResponse hook is added last, in the same order, so neighbouring headers-only ones share one clone.
  const afterResponse: AfterResponseHook[] = []
  let instance = ky.create({
    ...kyOptions,
    baseUrl,
    retry: retryOptions,
    // Sent through secureFetchWith(): the init hook below wraps it, with each call's own body bounds.
    fetch: sendFetch,
    // Plugins that guard their own credentials read this, so one setting on the client covers them all.
    context: { ...kyOptions.context, allowInsecureHttp, secretHeaders },
    headers: { 'User-Agent': userAgentOf(userAgent) },
    hooks: {
      ...withoutAfterResponse({ hooks: baseHooks(onDeprecation) }, afterResponse).hooks,
      // Each call's own bounds: its timeout (a call may set one) and `context.maxResponseBytes`.
      init: [
        (callOptions) => {
          const own = callOptions.context?.['maxResponseBytes']
          if (own !== undefined) checkMaxResponseBytes(own, 'context.maxResponseBytes')
          callOptions.fetch = secureFetchWith(callOptions.fetch ?? sendFetch, {
            maxBytes: own === undefined ? clientMaxBytes : own === false ? undefined : (own as number),
            timeoutMs: bodyTimeout(callOptions.timeout ?? defaultTimeoutMs),
          })
        },
      ],
    },
  })
  if (headers !== undefined) instance = instance.extend({ headers })
  for (const plugin of plugins) instance = instance.extend(withoutAfterResponse(plugin.options, afterResponse))
  if (hooks !== undefined) instance = instance.extend(withoutAfterResponse({ hooks }, afterResponse))
  if (afterResponse.length > 0)
    instance = instance.extend({ hooks: { afterResponse: foldHeadersOnlyHooks(afterResponse) } })
  return instance
}

/** `options` without its afterResponse hooks, which go to `collected`. */
function withoutAfterResponse(options: Options, collected: AfterResponseHook[]): Options {
  const own = options.hooks?.afterResponse
  if (own === undefined || own.length === 0) return options
  collected.push(...own)
  return { ...options, hooks: { ...options.hooks, afterResponse: [] } }
}

/** ky's default `timeout`. */
const defaultTimeoutMs = 10_000

function bodyTimeout(timeout: number | false): number | undefined {
  return timeout === false ? undefined : timeout
}

function checkMaxResponseBytes(value: unknown, option: string): void {
  if (value === false) return
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ConfigurationError(option, 'must be a positive whole number of bytes, or false for no bound')
  }
}

function parseBaseUrl(value: unknown): URL {
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new ConfigurationError('baseUrl', 'is required: the API base URL, such as https://api.bol.com')
  }
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(url.protocol)
    return url
  } catch (error) {
    throw new ConfigurationError('baseUrl', `is not an http(s) URL: ${redactUrl(String(value))}`, { cause: error })
  }
}

function mergeRetry(retry: Options['retry'], idempotencyKeyHeader: string | undefined): RetryOptions {
  const policy = idempotentRetry(2, { idempotencyKeyHeader })
  if (retry === undefined || typeof retry === 'number') return policy
  // The caller's own shouldRetry wins; the idempotency check still applies when it has no opinion.
  const own = retry.shouldRetry
  return {
    ...policy,
    ...retry,
    shouldRetry: async (state) => (own === undefined ? undefined : await own(state)) ?? policy.shouldRetry?.(state),
  }
}

function baseHooks(onDeprecation: DeprecationHandler | undefined): Hooks {
  const reported = new Set<string>()
  return {
    beforeRequest: [
      ({ request, options }) => {
        if (options.context.retrySafe === true) markRetrySafe(request)
      },
    ],
    afterResponse: onDeprecation
      ? [
          headersOnly(({ request, response }) => {
            const notice = readDeprecation(request, response)
            if (notice === undefined || reported.has(notice.endpoint)) return
            reported.add(notice.endpoint)
            onDeprecation(notice)
          }),
        ]
      : [],
    beforeError: [
      ({ error, request }) => {
        // Already b2bkit's own (a refused redirect, a body past its bounds): it says what happened.
        if (isB2bkitError(error)) return error
        const url = displayUrl(request.url)
        // ky's errors hold the request, headers and all, so they are not kept as the cause: a logged error would
        // show the Authorization header. The socket-level cause (ECONNREFUSED, …) carries no request data.
        if (isTimeoutError(error)) return new TimeoutError(request.method, url)
        if (isNetworkError(error)) return new NetworkError(request.method, url, { cause: socketCause(error) })
        const requestId = getRequestId(error)
        if (requestId !== undefined) Object.assign(error, { requestId })
        return error
      },
    ],
  }
}

// The innermost error with a system error code (undici's `fetch failed` wraps one), as a plain record.
function socketCause(error: unknown): Error | undefined {
  let current: unknown = (error as { cause?: unknown }).cause
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown }
    if (typeof code === 'string') {
      return Object.assign(new Error(redactText(typeof message === 'string' ? message : code)), { code })
    }
    current = cause
  }
  return undefined
}
