import { getRequestId, withRequestId } from '@b2bkit/http'
import type { KyInstance } from 'ky'
import { BolResponseError } from '../errors.js'
import type { BolCallOptions } from '../types/common.js'
import { retailerJson } from './media-types.js'

/** Query parameters: `undefined` ones are left out, arrays repeat the parameter. */
export type QueryValues = Record<string, string | number | boolean | readonly string[] | undefined>

/** One request to the API, described in bol's terms. */
export interface RequestSpec {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** The path relative to the base URL, such as `retailer/orders`. */
  path: string
  query?: QueryValues | undefined
  /** Sent as JSON. */
  body?: unknown
  /** The body's media type. @default application/vnd.retailer.v10+json */
  contentType?: string
  /** @default application/vnd.retailer.v10+json */
  accept?: string
  /** Repeating the request is harmless (a read-only POST): createClient may retry it. @default false */
  retrySafe?: boolean
}

/** Sends requests through the client's ky instance with bol's media types, and reads the answers. */
export interface Transport {
  /** The response of a request (ky throws on a failure status, as a `ProblemError`). */
  send(spec: RequestSpec, options?: BolCallOptions): Promise<Response>
  /** The JSON body of a request, with the request id attached (`getRequestId(result)`). */
  json<T>(spec: RequestSpec, options?: BolCallOptions): Promise<T>
}

function searchParamsOf(query: QueryValues | undefined): URLSearchParams | undefined {
  if (query === undefined) return undefined
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) params.append(name, item)
    else params.append(name, String(value))
  }
  return params
}

/** A transport over a ky instance made by `createClient()`. */
export function createTransport(http: KyInstance): Transport {
  const send: Transport['send'] = (spec, options = {}) => {
    const headers: Record<string, string> = { accept: spec.accept ?? retailerJson }
    if (spec.body !== undefined) headers['content-type'] = spec.contentType ?? retailerJson
    const context: Record<string, unknown> = {}
    if (options.priority !== undefined) context.priority = options.priority
    if (spec.retrySafe === true) context.retrySafe = true
    const searchParams = searchParamsOf(spec.query)
    return http(spec.path, {
      method: spec.method ?? 'GET',
      headers,
      context,
      ...(searchParams === undefined ? {} : { searchParams }),
      ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
    })
  }
  return {
    send,
    async json<T>(spec: RequestSpec, options?: BolCallOptions): Promise<T> {
      const response = await send(spec, options)
      const text = await response.text()
      // An empty body (bol has answered `{}` and nothing at all for empty lists) reads as an empty object.
      let data: T
      try {
        data = (text.trim() === '' ? {} : JSON.parse(text)) as T
      } catch (error) {
        const requestId = getRequestId(response)
        throw new BolResponseError(
          `${spec.method ?? 'GET'} /${spec.path} answered ${response.status} with a body that is not JSON`,
          {
            cause: error,
            requestId,
          },
        )
      }
      return withRequestId(data, response)
    },
  }
}
