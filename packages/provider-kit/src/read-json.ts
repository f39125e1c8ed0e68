import { withRequestId } from '@b2bkit/http'
import type { KyInstance } from 'ky'
import { type ProviderRequest, send } from './provider-request.js'

/**
 * Options of `readJson()`.
 *
 * @example
 * ```ts
 * const options: ReadJsonOptions = { invalidJson: (error) => new MyResponseError('not JSON', { cause: error }) }
 * ```
 */
export interface ReadJsonOptions {
  /**
   * The error to throw when the body is not JSON; it gets the parser's error and the response.
   * @default the parser's `SyntaxError`, thrown as it is
   */
  invalidJson?: ((error: unknown, response: Response) => Error) | undefined
}

/**
 * The response's JSON body, with the provider's request id attached (`getRequestId(result)`). An empty body, or one
 * of only whitespace, reads as `{}` (providers answer an empty list or a done action with nothing at all).
 *
 * @example
 * ```ts
 * const order = await readJson<Order>(await send(http, `orders/${pathSegment(id)}`))
 * ```
 */
export async function readJson<T>(response: Response, options: ReadJsonOptions = {}): Promise<T> {
  const text = await response.text()
  let data: T
  try {
    data = (text.trim() === '' ? {} : JSON.parse(text)) as T
  } catch (error) {
    if (options.invalidJson === undefined) throw error
    throw options.invalidJson(error, response)
  }
  return withRequestId(data, response)
}

/**
 * Sends a request and reads its JSON body (`send()`, then `readJson()`).
 *
 * @example
 * ```ts
 * const page = await requestJson<ListPage<Contact>>(http, 'contacts', { searchParams: { offset: 0, limit: 25 } })
 * ```
 */
export async function requestJson<T>(http: KyInstance, path: string, request: ProviderRequest = {}): Promise<T> {
  return readJson<T>(await send(http, path, request))
}

/**
 * Sends a request whose answer wraps the resource under a key (`{"invoice": {...}}`, B2Brouter's style) and returns
 * the resource with the request id attached. An answer without the key is returned as it is.
 *
 * @example
 * ```ts
 * const invoice = await requestEntity<Invoice>(http, `invoices/${pathSegment(id)}`, 'invoice')
 * ```
 */
export async function requestEntity<T>(
  http: KyInstance,
  path: string,
  key: string,
  request: ProviderRequest = {},
): Promise<T> {
  const response = await send(http, path, request)
  const body = await readJson<unknown>(response)
  const inner = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined
  return withRequestId((inner ?? body) as T, response)
}
