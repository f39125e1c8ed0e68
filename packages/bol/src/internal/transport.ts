import { getRequestId } from '@b2bkit/http'
import { type QueryValues, readJson, send as sendRequest } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import { BolResponseError } from '../errors.js'
import type { BolCallOptions } from '../types/common.js'
import { retailerJson } from './media-types.js'

/** Query parameters: `undefined` ones are left out, arrays repeat the parameter. */
export type { QueryValues }

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

/** A transport over a ky instance made by `createClient()`: bol's media types on `@b2bkit/provider-kit`'s requests. */
export function createTransport(http: KyInstance): Transport {
  const send: Transport['send'] = (spec, options = {}) => {
    const headers: Record<string, string> = { accept: spec.accept ?? retailerJson }
    if (spec.body !== undefined) headers['content-type'] = spec.contentType ?? retailerJson
    return sendRequest(http, spec.path, {
      ...options,
      method: spec.method ?? 'GET',
      headers,
      retrySafe: spec.retrySafe,
      ...(spec.query === undefined ? {} : { searchParams: spec.query }),
      ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
    })
  }
  return {
    send,
    // An empty body (bol has answered `{}` and nothing at all for empty lists) reads as an empty object.
    json: async <T>(spec: RequestSpec, options?: BolCallOptions): Promise<T> =>
      readJson<T>(await send(spec, options), {
        invalidJson: (error, response) =>
          new BolResponseError(
            `${spec.method ?? 'GET'} /${spec.path} answered ${response.status} with a body that is not JSON`,
            { cause: error, requestId: getRequestId(response) },
          ),
      }),
  }
}
