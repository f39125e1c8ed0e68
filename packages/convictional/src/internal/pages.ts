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
          : await api.send(sameOrigin(api.baseUrl, cursor), call),
      )
      page++
      if (next !== undefined && next !== null && typeof next !== 'string' && hasMore !== false) {
        throw new B2bkitError('INVALID_NEXT_LINK', `the API's next link is not a URL but ${describe(next)}`)
      }
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

/**
 * A next link as an absolute URL on the API's origin. It is resolved as ky would resolve it (against the base URL,
 * as a WHATWG URL parser reads `//host`, `\\host` or `http:host`), so what is checked is what would be sent; a link
 * to another origin is refused.
 */
function sameOrigin(baseUrl: URL, next: string): string {
  let target: URL
  try {
    target = new URL(next, baseUrl)
  } catch {
    throw new B2bkitError('INVALID_NEXT_LINK', "the API's next link is not a URL")
  }
  if (target.origin !== baseUrl.origin) {
    const where = target.origin === 'null' ? `a ${target.protocol} URL` : target.origin
    throw new B2bkitError('FOREIGN_NEXT_LINK', `refusing to follow a next link to another host (${where})`)
  }
  target.username = ''
  target.password = ''
  return target.href
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`
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
