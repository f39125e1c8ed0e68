import { paginate } from '@b2bkit/http'
import { pathSegment, requestJson } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { B2BRouterCallOptions, B2BRouterIterateOptions } from '../call-options.js'
import type { ListPage, PageParams } from '../types.js'

/** What one page of an offset-paginated list holds. */
export interface OffsetPage<T> {
  items: readonly T[]
  /** The number of items over all pages, when the API says. */
  total: number | undefined
}

/** The page size `iterate()` asks for when the caller names none. */
export const defaultIterateLimit = 100

/**
 * Every item of every page of an offset/limit list, fetching the next page only when the previous one is used up.
 * It stops at a short or empty page, or when the offset reaches the total the API reported.
 */
export function iterateOffsets<T>(
  fetchPage: (offset: number, limit: number, signal: AbortSignal | undefined) => Promise<OffsetPage<T>>,
  params: { offset?: number | undefined; limit?: number | undefined },
  options: B2BRouterIterateOptions,
): AsyncGenerator<T, void, undefined> {
  const limit = params.limit ?? defaultIterateLimit
  return paginate<T>({
    signal: options.signal,
    maxPages: options.maxPages,
    fetchCursorPage: async (cursor, signal) => {
      const offset = cursor === undefined ? (params.offset ?? 0) : Number(cursor)
      const page = await fetchPage(offset, limit, signal ?? undefined)
      const reached = offset + page.items.length
      const more = page.items.length >= limit && (page.total === undefined || reached < page.total)
      return { items: page.items, next: more ? String(reached) : undefined }
    },
  })
}

/** The total of a B2Brouter list page: `meta.total` as documented, or `total_count` as the emulator sends it. */
export function totalOf(page: { meta?: { total?: number | undefined } | undefined; total_count?: number | undefined }) {
  return page.meta?.total ?? page.total_count
}

/**
 * `list()` and `iterate()` of an account's collection (`accounts/{id}/<key>`), whose pages hold the items under
 * `key`: `{ contacts: [...], meta }`.
 */
export function accountListing<Key extends string, Item, Params extends PageParams>(http: KyInstance, key: Key) {
  const list = (accountId: number, params?: Params, options: B2BRouterCallOptions = {}) =>
    requestJson<ListPage<Key, Item>>(http, `accounts/${pathSegment(accountId)}/${key}`, {
      ...options,
      searchParams: { ...params },
    })
  const iterate = (accountId: number, params?: Params, options: B2BRouterIterateOptions = {}) =>
    iterateOffsets<Item>(
      async (offset, limit, signal) => {
        const { maxPages: _maxPages, ...call } = options
        const page = await list(accountId, { ...params, offset, limit } as Params, { ...call, signal })
        return { items: page[key] ?? [], total: totalOf(page) }
      },
      params ?? {},
      options,
    )
  return { list, iterate }
}
