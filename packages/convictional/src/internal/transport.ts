import { withRequestId } from '@b2bkit/http'
import type { KyInstance, Options } from 'ky'
import type { ConvictionalCallOptions } from '../call-options.js'

/** What one request sends. */
export interface RequestSpec extends ConvictionalCallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | undefined
  json?: unknown
  body?: BodyInit | undefined
  headers?: Record<string, string> | undefined
  searchParams?: Readonly<Record<string, string | number | boolean | undefined>> | undefined
  /** The provider makes repeating this request harmless, so a POST may be retried. */
  retrySafe?: boolean | undefined
}

/** Sends one request through the client's plugins and returns the response (2xx; failures throw). */
export function send(http: KyInstance, path: string, spec: RequestSpec = {}): Promise<Response> {
  const options: Options = { method: spec.method ?? 'GET', context: { priority: spec.priority ?? 0 } }
  if (spec.retrySafe === true) options.context = { ...options.context, retrySafe: true }
  if (spec.json !== undefined) options.json = spec.json
  if (spec.body !== undefined) options.body = spec.body
  if (spec.headers !== undefined) options.headers = spec.headers
  if (spec.signal !== undefined) options.signal = spec.signal
  if (spec.timeout !== undefined) options.timeout = spec.timeout
  if (spec.searchParams !== undefined) options.searchParams = definedParams(spec.searchParams)
  return http(path, options)
}

/** The response's JSON body, `{}` when it has none, with the provider's request id attached. */
export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text()
  return withRequestId((text === '' ? {} : JSON.parse(text)) as T, response)
}

/** Sends a request and reads its JSON body. */
export async function requestJson<T>(http: KyInstance, path: string, spec: RequestSpec = {}): Promise<T> {
  return readJson<T>(await send(http, path, spec))
}

/** Search parameters without the ones left undefined, as strings. */
export function definedParams(
  params: Readonly<Record<string, string | number | boolean | undefined>>,
): Record<string, string> {
  const defined: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) if (value !== undefined) defined[name] = String(value)
  return defined
}

/** A path segment from an id, encoded so an id can never reach another path. */
export function segment(id: string | number): string {
  return encodeURIComponent(String(id))
}
