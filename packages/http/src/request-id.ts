/**
 * The response headers that carry a provider's request id, in the order they are looked up:
 * bol.com and Convictional send `X-Request-ID`, SieSmart `X-B2B-TRACE-ID`, B2Brouter `X-B2B-API-Request-Id`.
 */
export const requestIdHeaders: readonly string[] = ['x-request-id', 'x-b2b-trace-id', 'x-b2b-api-request-id']

/**
 * The provider's request id of a response, or of an error that carries one (`error.requestId` or
 * `error.response`). Quote it when you ask a provider's support about a call.
 *
 * @example
 * ```ts
 * const response = await client.get('orders')
 * console.log(getRequestId(response)) // 'f5b0c1a2-…'
 * ```
 */
export function getRequestId(source: Response | Headers | unknown): string | undefined {
  if (source instanceof Headers) return readRequestId(source)
  if (source instanceof Response) return readRequestId(source.headers)
  if (typeof source === 'object' && source !== null) {
    const { requestId, response } = source as { requestId?: unknown; response?: unknown }
    if (typeof requestId === 'string') return requestId
    if (response instanceof Response) return readRequestId(response.headers)
  }
  return undefined
}

function readRequestId(headers: Headers): string | undefined {
  for (const name of requestIdHeaders) {
    const value = headers.get(name)
    if (value) return value
  }
  return undefined
}

/**
 * Puts the response's request id on a result object as a non-enumerable `requestId` property, so
 * `getRequestId(result)` finds it while `JSON.stringify(result)` and equality checks ignore it. Provider
 * packages call this on what their resource methods return. Returns `data` itself.
 *
 * @example
 * ```ts
 * const order = withRequestId(await response.json(), response)
 * getRequestId(order) // 'f5b0c1a2-…'
 * ```
 */
export function withRequestId<T>(data: T, response: Response): T {
  const requestId = readRequestId(response.headers)
  if (requestId !== undefined && typeof data === 'object' && data !== null && Object.isExtensible(data)) {
    Object.defineProperty(data, 'requestId', { value: requestId, enumerable: false, configurable: true })
  }
  return data
}
