import type { KyInstance, Options } from 'ky'
import { type QueryValues, toSearchParams } from './search-params.js'

/**
 * The per-call options every provider client's resource methods take as their last argument.
 *
 * @example
 * ```ts
 * await client.invoices.get(7, { signal: AbortSignal.timeout(5_000), priority: 10 })
 * ```
 */
export interface ProviderCallOptions {
  /**
   * Aborts the call: a request waiting in the rate limiter leaves the queue, one in flight is cancelled.
   * @default none
   */
  signal?: AbortSignal | undefined
  /**
   * The call's priority in the rate limiter's queue: higher goes first.
   * @default 0
   */
  priority?: number | undefined
  /**
   * The timeout of one attempt in milliseconds, or `false` for none; overrides the client's.
   * @default the client's `timeout`
   */
  timeout?: number | false | undefined
}

/**
 * What one request sends, on top of the call options.
 *
 * @example
 * ```ts
 * const request: ProviderRequest = { method: 'POST', json: { name: 'ACME' }, retrySafe: true, priority: 10 }
 * ```
 */
export interface ProviderRequest extends ProviderCallOptions {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | undefined
  /** A body sent as JSON (ky sets `content-type: application/json`). @default none */
  json?: unknown
  /** A body sent as it is, with the `content-type` given in `headers`. @default none */
  body?: BodyInit | undefined
  /** Headers of this request only. @default none */
  headers?: Record<string, string> | undefined
  /** The query: `undefined` values left out, arrays repeated (`toSearchParams()`). @default none */
  searchParams?: QueryValues | undefined
  /**
   * The provider makes repeating this request harmless, so `createClient()` may retry a POST after a lost
   * connection or a 5xx.
   * @default false
   */
  retrySafe?: boolean | undefined
}

/**
 * Sends one request through the client's plugins and returns the response. Only a 2xx comes back: failures throw
 * (a `ProblemError` from problem details, a `NetworkError` or `TimeoutError` from `createClient()`).
 *
 * @example
 * ```ts
 * const response = await send(http, `v1/proposals/${pathSegment(id)}`, { method: 'DELETE', headers: { 'if-match': etag } })
 * ```
 */
export function send(http: KyInstance, path: string, request: ProviderRequest = {}): Promise<Response> {
  const options: Options = { method: request.method ?? 'GET', context: { priority: request.priority ?? 0 } }
  if (request.retrySafe === true) options.context = { ...options.context, retrySafe: true }
  if (request.json !== undefined) options.json = request.json
  if (request.body !== undefined) options.body = request.body
  if (request.headers !== undefined) options.headers = request.headers
  if (request.signal !== undefined) options.signal = request.signal
  if (request.timeout !== undefined) options.timeout = request.timeout
  if (request.searchParams !== undefined) options.searchParams = toSearchParams(request.searchParams)
  return http(path, options)
}
