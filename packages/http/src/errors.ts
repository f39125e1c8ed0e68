import { redactText } from './redact.js'

const errorMarker = Symbol.for('b2bkit.error')

/** Options every b2bkit error accepts. */
export interface B2bkitErrorOptions {
  /** The error that led to this one (ES2022 `cause`). */
  cause?: unknown
  /** The provider's request id, when a response carried one. */
  requestId?: string | undefined
}

/**
 * The base of every error b2bkit throws. `code` is a stable string to branch on; `message` never contains a
 * secret, a token or an `Authorization` value.
 *
 * @example
 * ```ts
 * try { await client.get('orders') } catch (error) {
 *   if (isB2bkitError(error) && error.code === 'INSECURE_TRANSPORT') { ... }
 * }
 * ```
 */
export class B2bkitError extends Error {
  override name = 'B2bkitError'
  /** A stable, machine-readable code, such as `'CONFIGURATION'` or `'PROBLEM'`. */
  readonly code: string
  /** The provider's request id, when a response carried one. */
  requestId: string | undefined

  constructor(code: string, message: string, options: B2bkitErrorOptions = {}) {
    super(redactText(message), options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.requestId = options.requestId
    Object.defineProperty(this, errorMarker, { value: true })
  }

  /** A plain, secret-free view of the error for logs and JSON. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
    }
  }
}

/** Whether `value` is a b2bkit error, even one thrown by another installed copy of b2bkit. */
export function isB2bkitError(value: unknown): value is B2bkitError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[errorMarker] === true
}

/**
 * A configuration mistake, thrown when a client or plugin is built. The message names the option.
 *
 * @example
 * ```ts
 * createClient({ baseUrl: 'not a url' }) // ConfigurationError: option "baseUrl" ...
 * ```
 */
export class ConfigurationError extends B2bkitError {
  override name = 'ConfigurationError' as const
  /** The name of the option that is wrong. */
  readonly option: string

  constructor(option: string, message: string, options: B2bkitErrorOptions = {}) {
    super('CONFIGURATION', `option "${option}": ${message}`, options)
    this.option = option
  }
}

/** A request that would have sent credentials over plain `http://` to a host that is not loopback. */
export class InsecureTransportError extends B2bkitError {
  override name = 'InsecureTransportError' as const
  /** The URL that was refused, without credentials or query string. */
  readonly url: string

  constructor(url: string) {
    super(
      'INSECURE_TRANSPORT',
      `refusing to send credentials over plain http to ${url}; use https, or set allowInsecureHttp if you mean it`,
    )
    this.url = url
  }
}

/** A request that failed without a response: connection refused or reset, DNS failure, body stream error. */
export class NetworkError extends B2bkitError {
  override name = 'NetworkError' as const
  /** The HTTP method of the failed request. */
  readonly method: string
  /** The URL of the failed request, without credentials or query string. */
  readonly url: string

  constructor(method: string, url: string, options: B2bkitErrorOptions = {}) {
    super('NETWORK', `${method} ${url} failed before a response arrived`, options)
    this.method = method
    this.url = url
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url }
  }
}

/** A request that did not get a response within its timeout. */
export class TimeoutError extends B2bkitError {
  override name = 'TimeoutError' as const
  /** The HTTP method of the request that timed out. */
  readonly method: string
  /** The URL of the request that timed out, without credentials or query string. */
  readonly url: string

  constructor(method: string, url: string, options: B2bkitErrorOptions = {}) {
    super('TIMEOUT', `${method} ${url} timed out`, options)
    this.method = method
    this.url = url
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url }
  }
}

/** A response body longer than the client reads (`maxResponseBytes`); the rest of it was not downloaded. */
export class ResponseTooLargeError extends B2bkitError {
  override name = 'ResponseTooLargeError' as const
  /** The HTTP method of the request. */
  readonly method: string
  /** The URL of the request, without credentials or query string. */
  readonly url: string
  /** The bound that was passed, in bytes. */
  readonly maxBytes: number

  constructor(method: string, url: string, maxBytes: number, options: B2bkitErrorOptions = {}) {
    super(
      'RESPONSE_TOO_LARGE',
      `${method} ${url}: the response body is longer than ${maxBytes} bytes; raise maxResponseBytes if it is expected`,
      options,
    )
    this.method = method
    this.url = url
    this.maxBytes = maxBytes
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url, maxBytes: this.maxBytes }
  }
}
