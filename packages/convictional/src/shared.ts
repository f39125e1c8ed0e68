import { pathSegment } from '@b2bkit/provider-kit'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
import type { Api } from './internal/api.js'
import { listing } from './internal/pages.js'
import type { ConvictionalDocument, ListPage, ListParams, Me, Partner } from './types.js'

/**
 * `client.partners`: your trading partners (Shared API).
 *
 * @example
 * ```ts
 * const { data } = await client.partners.list()
 * ```
 */
export interface PartnersResource {
  /** One page of partners. */
  list(params?: ListParams, options?: ConvictionalCallOptions): Promise<ListPage<Partner>>
  /** Every partner. */
  iterate(params?: ListParams, options?: ConvictionalIterateOptions): AsyncGenerator<Partner, void, undefined>
}

/**
 * `client.documents`: documents shared with partners (Shared API).
 *
 * @example
 * ```ts
 * const document = await client.documents.get(documentId)
 * ```
 */
export interface DocumentsResource {
  /** One page of documents. */
  list(params?: ListParams, options?: ConvictionalCallOptions): Promise<ListPage<ConvictionalDocument>>
  /** Every document. */
  iterate(
    params?: ListParams,
    options?: ConvictionalIterateOptions,
  ): AsyncGenerator<ConvictionalDocument, void, undefined>
  /** One document. */
  get(id: string, options?: ConvictionalCallOptions): Promise<ConvictionalDocument>
}

/** Builds `client.partners`. */
export function partnersResource(api: Api): PartnersResource {
  const partners = api.path('partners')
  return listing<Partner>(api, partners)
}

/** Builds `client.documents`. */
export function documentsResource(api: Api): DocumentsResource {
  const documents = api.path('documents')
  return {
    ...listing<ConvictionalDocument>(api, documents),
    get: (id, options = {}) => api.json(`${documents}/${pathSegment(id)}`, options),
  }
}

/** Builds `client.me()`: the user and company of the API key. */
export function meCall(api: Api): (options?: ConvictionalCallOptions) => Promise<Me> {
  return (options = {}) => api.json(api.path('auth/me'), options)
}
