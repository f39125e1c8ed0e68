import { createProblemError, isForbiddenError, type ProblemError } from '@b2bkit/problem'
import { type ProviderRequest, readJson, send } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { Area, AreaPrefixes } from '../types.js'

/** One of Convictional's APIs, as the resources use it: its paths, and a request that explains a 403. */
export interface Api {
  /** The API's base URL, which request paths resolve against. */
  readonly baseUrl: URL
  /** The path of `resource` in this API (`orders` → `seller/orders` with a `seller` prefix). */
  path(resource: string): string
  send(path: string, spec?: ProviderRequest): Promise<Response>
  json<T>(path: string, spec?: ProviderRequest): Promise<T>
}

/** Builds the view of one API area over the composed ky instance. */
export function apiArea(http: KyInstance, baseUrl: URL, area: Area, prefixes: AreaPrefixes): Api {
  const prefix = prefixes[area].replace(/^\/+|\/+$/g, '')
  const sendExplained = async (path: string, spec: ProviderRequest = {}) => {
    try {
      return await send(http, path, spec)
    } catch (error) {
      throw area === 'shared' || !isForbiddenError(error) ? error : explainForbidden(error, area)
    }
  }
  return {
    baseUrl,
    path: (resource) => (prefix === '' ? resource : `${prefix}/${resource}`),
    send: sendExplained,
    json: async <T>(path: string, spec: ProviderRequest = {}) => readJson<T>(await sendExplained(path, spec)),
  }
}

/**
 * A 403 from the seller or buyer API is nearly always a key of the other role: say so, keeping everything else of
 * the error (class, status, request id, response).
 */
function explainForbidden(error: ProblemError, area: 'seller' | 'buyer'): ProblemError {
  const other = area === 'seller' ? 'buyer' : 'seller'
  const hint = `this is a ${area} API endpoint and needs a ${area} API key; a ${other} key is refused here`
  return createProblemError({
    status: error.status,
    type: error.type,
    title: error.title,
    detail: error.detail === undefined ? hint : `${error.detail} (${hint})`,
    instance: error.instance,
    violations: error.violations,
    extensions: error.extensions,
    providerCode: error.providerCode,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    requestId: error.requestId,
    method: error.method,
    url: error.url,
    response: error.response,
  })
}
