import { isHTTPError, isNetworkError, type RetryOptions } from 'ky'

/** Methods ky may retry. POST and PATCH are listed so the idempotency check below can let the safe ones through. */
const retryMethods = ['get', 'put', 'head', 'delete', 'options', 'trace', 'post', 'patch']

/** Socket error codes that mean the connection never opened, so not a byte of the request reached the server. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/** What decides whether a non-idempotent request (POST, PATCH) may be sent again. */
export interface IdempotencyOptions {
  /**
   * A request header that makes a POST or PATCH safe to repeat, because the provider honours it.
   * @default 'Idempotency-Key'
   */
  idempotencyKeyHeader?: string | undefined
}

/**
 * The mark of a request that is safe to retry. A header, because ky hands a network error a clone of the request
 * (so an identity-based mark would be lost); `createClient()`'s fetch removes it before anything is sent.
 */
export const retrySafeHeader = 'x-b2bkit-retry-safe'

/**
 * Marks a request as safe to retry even though its method is POST or PATCH. Provider packages do this through
 * ky's `context: { retrySafe: true }` for operations they know to be idempotent; `createClient()` calls this.
 */
export function markRetrySafe(request: Request): void {
  request.headers.set(retrySafeHeader, '1')
}

/** Removes the retry-safe mark from a request about to be sent; the server never sees it. */
export function unmarkRetrySafe(request: Request): void {
  if (request.headers.has(retrySafeHeader)) request.headers.delete(retrySafeHeader)
}

/** Whether a failure happened before any byte of the request was sent (the connection never opened). */
export function failedBeforeSending(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && notSentCodes.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * ky retry options that respect idempotency: GET, HEAD, PUT and DELETE retry on 408, 429, 5xx and network
 * errors, as ky does; POST and PATCH retry only when the request carries an idempotency key, was marked safe
 * by a provider package, or failed before any byte was sent.
 */
export function idempotentRetry(limit: number, options: IdempotencyOptions = {}): RetryOptions {
  const keyHeader = options.idempotencyKeyHeader ?? 'Idempotency-Key'
  return {
    limit,
    methods: retryMethods,
    shouldRetry: ({ error }) => {
      const request = (error as { request?: Request }).request
      if (request === undefined) return undefined
      const method = request.method.toUpperCase()
      if (method !== 'POST' && method !== 'PATCH') return undefined
      if (request.headers.has(keyHeader) || request.headers.has(retrySafeHeader)) return undefined
      if (isHTTPError(error) && error.options.context.retrySafe === true) return undefined
      if (isNetworkError(error) && failedBeforeSending(error)) return undefined
      return false
    },
  }
}
