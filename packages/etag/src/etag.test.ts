import { ConfigurationError, createClient, type Plugin } from '@b2bkit/http'
import {
  isPreconditionFailedError as isProblemPreconditionFailed,
  PreconditionFailedError as ProblemPreconditionFailedError,
  problemDetails,
} from '@b2bkit/problem'
import { afterEach, describe, expect, it } from 'vitest'
import { PreconditionFailedError } from './errors.js'
import { etag } from './etag.js'
import { memoryEtagStore } from './etag-store.js'
import { serve } from './internal/test-server.js'
import { serveVersioned, type VersionedServer } from './internal/versioned-server.js'

let server: VersionedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const clientFor = (plugins: Plugin[]) => createClient({ baseUrl: server?.url ?? '', retry: 0, plugins })
const seenHeader = (index: number, name: string) => server?.seen[index]?.headers[name]

// SieSmart versions a proposal as a whole: a write below /proposals/7 is guarded by the ETag of /proposals/7.
const proposalOf = (url: URL) => url.href.replace(/(\/proposals\/\d+).*$/, '$1')

describe('etag()', () => {
  it('sends the ETag of the last read as If-Match, then the ETag each write returned', async () => {
    server = await serveVersioned()
    server.resources.set('/offers/1', { version: 3, value: { stock: 5 } })
    const http = clientFor([etag()])
    await http.get('offers/1').json()
    await http.put('offers/1', { json: { stock: 4 } })
    await http.put('offers/1', { json: { stock: 3 } })
    expect(server.seen.map((request) => [request.method, request.headers['if-match']])).toEqual([
      ['GET', undefined],
      ['PUT', '"v3"'],
      ['PUT', '"v4"'],
    ])
    expect(server.resources.get('/offers/1')).toEqual({ version: 5, value: { stock: 3 } })
  })

  it('answers a 304 from the cached body after sending If-None-Match', async () => {
    server = await serveVersioned()
    server.resources.set('/orders/9', { version: 1, value: { status: 'OPEN', lines: [1, 2, 3] } })
    const http = clientFor([etag()])
    const first = await (await http.get('orders/9')).json()
    const second = await http.get('orders/9')
    expect(second.status).toBe(200)
    expect(second.headers.get('content-type')).toBe('application/json')
    expect(await second.json()).toEqual(first)
    expect(seenHeader(1, 'if-none-match')).toBe('"v1"')
    expect(await http.head('orders/9').then((response) => response.status)).toBe(200)
    // ky's .json() asks for application/json: another Accept may be another representation, so no If-None-Match.
    await http.get('orders/9').json()
    expect(seenHeader(3, 'if-none-match')).toBeUndefined()
  })

  it('does not serve a body a write has made stale', async () => {
    server = await serveVersioned()
    server.resources.set('/orders/9', { version: 1, value: { status: 'OPEN' } })
    const http = clientFor([etag()])
    await http.get('orders/9')
    await http.put('orders/9', { json: { status: 'SHIPPED' } })
    expect(await http.get('orders/9').json()).toEqual({ status: 'SHIPPED' })
    expect(seenHeader(2, 'if-none-match')).toBeUndefined()
  })

  it('follows SieSmart: a create without If-Match, then every modifying call with the proposal’s date-time ETag', async () => {
    server = await serveVersioned('date-time')
    const http = clientFor([problemDetails(), etag({ requireIfMatch: true, resourceOf: proposalOf })])
    const created = await http.post('proposals', { json: { officeId: 12 } })
    expect(created.headers.get('location')).toBe('/proposals/1')
    await http.put('proposals/1/customer', { json: { name: 'ACME' } })
    await http.put('proposals/1/calculation', { json: { term: 36 } })
    await http.delete('proposals/1')
    expect(server.seen.map((request) => request.headers['if-match'])).toEqual([
      undefined,
      '2026-01-01T00:00:01.000Z',
      '2026-01-01T00:00:02.000Z',
      '2026-01-01T00:00:03.000Z',
    ])
    expect(server.accepted).toBe(4)
  })

  it('fails before sending when a modifying call needs an ETag and none is known', async () => {
    server = await serveVersioned('date-time')
    server.resources.set('/proposals/7', { version: 1, value: {} })
    const http = clientFor([etag({ requireIfMatch: true, resourceOf: proposalOf })])
    const error = await http.put('proposals/7/customer?lang=en', { json: {} }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'MissingEtagError', code: 'MISSING_ETAG', method: 'PUT' })
    expect((error as Error).message).toContain(`PUT ${server.url}/proposals/7/customer was not sent`)
    const custom = clientFor([etag({ requireIfMatch: (request) => request.url.includes('/proposals/') })])
    await expect(custom.post('proposals/7/submit')).rejects.toMatchObject({ code: 'MISSING_ETAG' })
    expect(server.seen).toHaveLength(0)
  })

  for (const [order, plugins] of [
    ['before etag()', () => [problemDetails(), etag()]],
    ['after etag()', () => [etag(), problemDetails()]],
    ['absent', () => [etag()]],
  ] as const) {
    it(`turns a stale write’s 412 into PreconditionFailedError, with problemDetails() ${order}`, async () => {
      server = await serveVersioned()
      server.resources.set('/offers/1', { version: 1, value: { stock: 5 } })
      const http = clientFor(plugins())
      await http.get('offers/1')
      server.resources.set('/offers/1', { version: 2, value: { stock: 9 } }) // another client wrote meanwhile
      const error = await http.put('offers/1', { json: { stock: 4 } }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(PreconditionFailedError)
      expect(error).toBeInstanceOf(ProblemPreconditionFailedError)
      expect(isProblemPreconditionFailed(error)).toBe(true)
      expect(error).toMatchObject({ status: 412, sentEtag: '"v1"', detail: 'If-Match "v1" does not match "v2"' })
      // The stale version is forgotten: the next write goes without If-Match rather than with a known-bad one.
      await http.put('offers/1', { json: { stock: 4 } }).catch(() => undefined)
      expect(seenHeader(2, 'if-match')).toBeUndefined()
    })
  }

  it('leaves a request alone that carries its own If-Match or If-None-Match', async () => {
    server = await serveVersioned()
    server.resources.set('/offers/1', { version: 1, value: {} })
    const http = clientFor([etag()])
    await http.get('offers/1')
    await http.get('offers/1', { headers: { 'if-none-match': '"mine"' } })
    await http.put('offers/1', { json: {}, headers: { 'if-match': '"v1"' } })
    expect([seenHeader(1, 'if-none-match'), seenHeader(2, 'if-match')]).toEqual(['"mine"', '"v1"'])
  })

  it('keeps the ETag of a body too large to cache, without sending If-None-Match for it', async () => {
    server = await serveVersioned()
    server.resources.set('/reports/1', { version: 1, value: { rows: 'x'.repeat(5000) } })
    const http = clientFor([etag({ maxBodyBytes: 1000 })])
    await http.get('reports/1')
    await http.get('reports/1')
    await http.put('reports/1', { json: {} })
    expect([seenHeader(1, 'if-none-match'), seenHeader(2, 'if-match')]).toEqual([undefined, '"v1"'])
  })

  it('keeps each plugin’s versions to itself unless they share a store', async () => {
    server = await serveVersioned()
    server.resources.set('/offers/1', { version: 1, value: {} })
    await clientFor([etag()]).get('offers/1')
    await clientFor([etag()])
      .put('offers/1', { json: {} })
      .catch(() => undefined)
    const store = memoryEtagStore()
    await clientFor([etag({ store })]).get('offers/1')
    await clientFor([etag({ store })]).put('offers/1', { json: {} })
    expect([seenHeader(1, 'if-match'), seenHeader(3, 'if-match')]).toEqual([undefined, '"v1"'])
  })

  it('fails at construction when an option is wrong, naming the option', () => {
    expect(() => etag({ store: {} as never })).toThrow(ConfigurationError)
    expect(() => etag({ methods: 'PUT' as never })).toThrow(/option "methods"/)
    expect(() => etag({ requireIfMatch: 'yes' as never })).toThrow(/option "requireIfMatch"/)
    expect(() => etag({ resourceOf: 1 as never })).toThrow(/option "resourceOf"/)
    expect(() => etag({ maxBodyBytes: -1 })).toThrow(/option "maxBodyBytes"/)
  })
})

describe('memoryEtagStore()', () => {
  it('forgets the least recently used entry beyond maxEntries', () => {
    const store = memoryEtagStore({ maxEntries: 2 })
    store.set('a', { etag: '1', storedAt: 0 })
    store.set('b', { etag: '2', storedAt: 0 })
    store.get('a')
    store.set('c', { etag: '3', storedAt: 0 })
    expect([store.get('a')?.etag, store.get('b'), store.get('c')?.etag]).toEqual(['1', undefined, '3'])
    expect(() => memoryEtagStore({ maxEntries: 0 })).toThrow(/option "maxEntries"/)
  })
})

describe('etag() against a server that sends no ETag', () => {
  it('sends nothing conditional and caches nothing', async () => {
    const plain = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
    try {
      const http = createClient({ baseUrl: plain.url, retry: 0, plugins: [etag()] })
      await http.get('x')
      await http.get('x')
      await http.put('x', { json: {} })
      expect(plain.seen.map((request) => [request.headers['if-none-match'], request.headers['if-match']])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
        [undefined, undefined],
      ])
    } finally {
      await plain.close()
    }
  })
})
