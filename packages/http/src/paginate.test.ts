import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { PaginationLoopError, paginate } from './paginate.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterable) items.push(item)
  return items
}

// bol-style: ?page=N, 2 items a page, 5 items in all, then an empty object.
async function pagedServer(): Promise<TestServer> {
  return startTestServer((request, response) => {
    const page = Number(new URL(request.url, 'http://x').searchParams.get('page'))
    const items = [1, 2, 3, 4, 5].slice((page - 1) * 2, page * 2)
    sendJson(response, 200, items.length === 0 ? {} : { orders: items.map((id) => ({ id })) })
  })
}

// Convictional-style: { data, hasMore, next } where next is the URL of the next page.
async function cursorServer(): Promise<TestServer> {
  let url = ''
  const created = await startTestServer((request, response) => {
    const after = Number(new URL(request.url, 'http://x').searchParams.get('after') ?? 0)
    const data = [after + 1, after + 2]
    const hasMore = after + 2 < 6
    sendJson(response, 200, { data, hasMore, next: hasMore ? `${url}/products?after=${after + 2}` : null })
  })
  url = created.url
  return created
}

describe('paginate over page numbers', () => {
  it('fetches every page and stops at the first empty one', async () => {
    server = await pagedServer()
    const client = createClient({ baseUrl: server.url })
    const orders = await collect(
      paginate({
        fetchPage: async (page) =>
          (await client.get('orders', { searchParams: { page } }).json<{ orders?: { id: number }[] }>()).orders ?? [],
      }),
    )
    expect(orders.map((order) => order.id)).toEqual([1, 2, 3, 4, 5])
    expect(server.received.map((request) => request.url)).toEqual([
      '/orders?page=1',
      '/orders?page=2',
      '/orders?page=3',
      '/orders?page=4',
    ])
  })

  it('stops after maxPages pages', async () => {
    server = await pagedServer()
    const client = createClient({ baseUrl: server.url })
    const orders = await collect(
      paginate({
        maxPages: 2,
        fetchPage: async (page) =>
          (await client.get('orders', { searchParams: { page } }).json<{ orders?: number[] }>()).orders ?? [],
      }),
    )
    expect(orders).toHaveLength(4)
    expect(server.received).toHaveLength(2)
  })

  it('fetches a page only when the previous one is used up', async () => {
    server = await pagedServer()
    const client = createClient({ baseUrl: server.url })
    for await (const _order of paginate({
      fetchPage: async (page) =>
        (await client.get('orders', { searchParams: { page } }).json<{ orders?: number[] }>()).orders ?? [],
    })) {
      break
    }
    expect(server.received).toHaveLength(1)
  })
})

describe('paginate over cursors and next links', () => {
  it('follows next links to the last page', async () => {
    server = await cursorServer()
    const client = createClient({ baseUrl: server.url })
    const products = await collect(
      paginate({
        fetchCursorPage: async (next) => {
          const page = await client.get(next ?? 'products').json<{ data: number[]; next: string | null }>()
          return { items: page.data, next: page.next }
        },
      }),
    )
    expect(products).toEqual([1, 2, 3, 4, 5, 6])
    expect(server.received.map((request) => request.url)).toEqual([
      '/products',
      '/products?after=2',
      '/products?after=4',
    ])
  })

  it('stops with an error when the API hands back the same cursor twice', async () => {
    const pages = paginate({ fetchCursorPage: async () => ({ items: [1], next: 'same' }) })
    await expect(collect(pages)).rejects.toBeInstanceOf(PaginationLoopError)
  })

  it('stops after maxPages pages', async () => {
    let cursor = 0
    const items = await collect(
      paginate({ maxPages: 3, fetchCursorPage: async () => ({ items: [cursor], next: String(++cursor) }) }),
    )
    expect(items).toEqual([0, 1, 2])
  })
})

describe('paginate with an AbortSignal', () => {
  it('stops between pages when aborted, and passes the signal to the request', async () => {
    server = await pagedServer()
    const client = createClient({ baseUrl: server.url })
    const controller = new AbortController()
    const seen: number[] = []
    const run = async () => {
      for await (const order of paginate({
        signal: controller.signal,
        fetchPage: async (page, signal) =>
          (await client.get('orders', { searchParams: { page }, signal }).json<{ orders?: { id: number }[] }>())
            .orders ?? [],
      })) {
        seen.push(order.id)
        if (order.id === 2) controller.abort(new Error('enough'))
      }
    }
    await expect(run()).rejects.toThrow('enough')
    expect(seen).toEqual([1, 2])
    expect(server.received).toHaveLength(1)
  })

  it('abandons a page in flight', async () => {
    server = await startTestServer(() => undefined)
    const client = createClient({ baseUrl: server.url, retry: 0 })
    const controller = new AbortController()
    const pages = paginate({
      signal: controller.signal,
      fetchPage: async (page, signal) => client.get('slow', { searchParams: { page }, signal }).json<number[]>(),
    })
    setTimeout(() => controller.abort(new Error('user cancelled')), 50)
    await expect(collect(pages)).rejects.toThrow()
    expect(controller.signal.aborted).toBe(true)
  })
})
