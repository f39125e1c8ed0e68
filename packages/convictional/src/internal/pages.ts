import { B2bkitError, paginate, withRequestId } from '@b2bkit/http'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from '../call-options.js'
import type { ListPage, ListParams } from '../types.js'
import type { Api } from './api.js'

/** The page size `iterate()` asks for when the caller names none. */
export const defaultIterateLimit = 100

/** One page of a list; a bare-array answer is wrapped as `{ data }`. */
export async function listPage<T>(
  api: Api,
  path: string,
  params: ListParams,
  options: ConvictionalCallOptions,
): Promise<ListPage<T>> {
  return readPage<T>(await api.send(path, { ...options, searchParams: params }))
}

async function readPage<T>(response: Response): Promise<ListPage<T>> {
  const text = await response.text()
  const body = (text === '' ? { data: [] } : JSON.parse(text)) as ListPage<T> | T[]
  const page: ListPage<T> = Array.isArray(body) ? { data: body } : { ...body, data: body.data ?? [] }
  return withRequestId(page, response)
}

/**
 * Every item of every page: follows Convictional's `next` links (a path on the API's host), or — for lists answered
 * as bare arrays — asks for the next `page` until a short one. A `next` link to another host is refused, because
 * following it would send the API key there.
 */
export function iteratePages<T>(
  api: Api,
  path: string,
  params: ListParams,
  options: ConvictionalIterateOptions,
): AsyncGenerator<T, void, undefined> {
  const limit = params.limit ?? defaultIterateLimit
  let page = params.page ?? 0
  const { maxPages, ...pageOptions } = options
  return paginate<T>({
    signal: options.signal,
    maxPages,
    fetchCursorPage: async (cursor, signal) => {
      const call = { ...pageOptions, signal: signal ?? undefined }
      const { data, hasMore, next } = await readPage<T>(
        cursor === undefined
          ? await api.send(path, { ...call, searchParams: { ...params, page, limit } })
          : await api.send(sameHost(api.origin, cursor), call),
      )
      page++
      if (next !== undefined) return { items: data, next: hasMore === false ? undefined : next }
      // A bare array (or an envelope without links): ask for the next page number while pages come back full.
      return { items: data, next: data.length >= limit ? `${path}?${pageQuery(params, page, limit)}` : undefined }
    },
  })
}

function pageQuery(params: ListParams, page: number, limit: number): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries({ ...params, page, limit })) {
    if (value !== undefined) query.set(name, String(value))
  }
  return query.toString()
}

/** A next link as a path on the API's host; a link to another host is refused. */
function sameHost(origin: string, next: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(next)) return next
  const target = new URL(next)
  if (target.origin !== origin) {
    throw new B2bkitError('FOREIGN_NEXT_LINK', `refusing to follow a next link to another host (${target.origin})`)
  }
  return `${target.pathname}${target.search}`
}

/** `list()` and `iterate()` of one collection. */
export function listing<Item, Params extends ListParams = ListParams>(api: Api, path: string) {
  return {
    list: (params?: Params, options: ConvictionalCallOptions = {}): Promise<ListPage<Item>> =>
      listPage<Item>(api, path, params ?? {}, options),
    iterate: (params?: Params, options: ConvictionalIterateOptions = {}): AsyncGenerator<Item, void, undefined> =>
      iteratePages<Item>(api, path, params ?? {}, options),
  }
}
