import { ConfigurationError, createClient, type Plugin } from '@b2bkit/http'
import { isPreconditionFailedError as isProblemPreconditionFailed, problemDetails } from '@b2bkit/problem'
import { afterEach, describe, expect, it } from 'vitest'
import { PreconditionFailedError } from './errors.js'
import { etag } from './etag.js'
import { serveVersioned, type VersionedServer } from './internal/versioned-server.js'
import { update } from './update.js'

let server: VersionedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

interface Counter {
  count: number
}

const clientFor = (plugins: Plugin[]) => createClient({ baseUrl: server?.url ?? '', retry: 0, plugins })
const writesSeen = () => server?.seen.filter((request) => request.method !== 'GET') ?? []

describe('update()', () => {
  for (const [setup, plugins] of [
    ['with problemDetails() and etag()', () => [problemDetails(), etag()]],
    ['on a bare client', () => []],
  ] as const) {
    it(`ends with the counter at exactly 10 after 10 concurrent increments, ${setup}`, async () => {
      server = await serveVersioned()
      server.resources.set('/counters/1', { version: 1, value: { count: 0 } })
      const http = clientFor(plugins())
      const increment = (counter: Counter) => ({ count: counter.count + 1 })
      const results = await Promise.all(
        Array.from({ length: 10 }, () => update<Counter>(http, 'counters/1', increment, { attempts: 10 })),
      )
      expect(server.resources.get('/counters/1')?.value).toEqual({ count: 10 })
      expect(server.accepted).toBe(10)
      expect(results.map((result) => result.value.count).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      // Every write the server refused was a 412 that update() answered with a fresh read.
      const refused = writesSeen().length - 10
      expect(refused).toBeGreaterThan(0)
      expect(results.reduce((sum, result) => sum + result.attempts - 1, 0)).toBe(refused)
    })
  }

  it('re-applies the change to the fresh version on a 412, handing it a copy each time', async () => {
    server = await serveVersioned()
    server.resources.set('/proposals/1', { version: 1, value: { assets: ['press'] } })
    const written = server
    written.afterRead = (path) => {
      written.afterRead = undefined
      const resource = written.resources.get(path)
      if (resource) Object.assign(resource, { version: 2, value: { assets: ['press', 'lathe'] } })
    }
    const seenByChange: unknown[] = []
    const result = await update<{ assets: string[] }>(clientFor([etag()]), 'proposals/1', (proposal) => {
      seenByChange.push(structuredClone(proposal))
      proposal.assets.push('drill') // mutating the argument is fine: it is a copy
      return proposal
    })
    expect(seenByChange).toEqual([{ assets: ['press'] }, { assets: ['press', 'lathe'] }])
    expect(result).toEqual({ value: { assets: ['press', 'lathe', 'drill'] }, etag: '"v3"', attempts: 2 })
    expect(writesSeen().map((request) => request.headers['if-match'])).toEqual(['"v1"', '"v2"'])
  })

  it('gives up after its attempts with PreconditionFailedError holding both versions', async () => {
    server = await serveVersioned()
    server.resources.set('/offers/1', { version: 1, value: { stock: 5 } })
    const busy = server
    // Another writer changes the offer after every read, so no write can win.
    busy.afterRead = (path) => {
      const resource = busy.resources.get(path)
      if (resource) Object.assign(resource, { version: resource.version + 1, value: { stock: resource.version + 10 } })
    }
    const error = await update<{ stock: number }>(
      clientFor([problemDetails(), etag()]),
      'offers/1',
      (offer) => ({
        stock: offer.stock - 1,
      }),
      { attempts: 3 },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PreconditionFailedError)
    expect(isProblemPreconditionFailed(error)).toBe(true)
    const failure = error as PreconditionFailedError<{ stock: number }>
    expect(failure.attempts).toBe(3)
    expect(failure.attempted).toEqual({ etag: '"v3"', value: { stock: 11 } })
    expect(failure.current).toEqual({ etag: '"v4"', value: { stock: 13 } })
    expect(failure.toJSON()).toMatchObject({ attemptedEtag: '"v3"', currentEtag: '"v4"', attempts: 3 })
    expect(writesSeen()).toHaveLength(3)
  })

  it('writes with PATCH when asked, and returns the value and ETag the write answered', async () => {
    server = await serveVersioned('date-time')
    server.resources.set('/proposals/4', { version: 1, value: { label: 'a' } })
    const result = await update<{ label: string }>(clientFor([]), 'proposals/4', () => ({ label: 'b' }), {
      method: 'PATCH',
      requestOptions: { headers: { 'x-tenant': 't-1' } },
    })
    expect(result).toEqual({ value: { label: 'b' }, etag: '2026-01-01T00:00:02.000Z', attempts: 1 })
    expect(server.seen.map((request) => [request.method, request.headers['x-tenant']])).toEqual([
      ['GET', 't-1'],
      ['PATCH', 't-1'],
    ])
  })

  it('fails with MissingEtagError before writing anything when the read has no ETag', async () => {
    server = await serveVersioned()
    const http = createClient({
      baseUrl: server.url,
      retry: 0,
      hooks: { afterResponse: [({ response }) => new Response(response.body, { status: 200 })] },
    })
    server.resources.set('/offers/1', { version: 1, value: {} })
    await expect(update(http, 'offers/1', (offer) => offer)).rejects.toMatchObject({
      code: 'MISSING_ETAG',
      method: 'GET',
    })
    expect(writesSeen()).toHaveLength(0)
  })

  it('stops when its signal aborts, without writing', async () => {
    server = await serveVersioned()
    server.resources.set('/offers/1', { version: 1, value: {} })
    const controller = new AbortController()
    const pending = update(
      clientFor([]),
      'offers/1',
      (offer) => {
        controller.abort(new Error('shutting down'))
        return offer
      },
      { signal: controller.signal },
    )
    await expect(pending).rejects.toThrow('shutting down')
    expect(writesSeen()).toHaveLength(0)
  })

  it('passes on errors that are not a 412, and rejects a wrong attempts option', async () => {
    server = await serveVersioned()
    await expect(update(clientFor([problemDetails()]), 'offers/404', (offer) => offer)).rejects.toMatchObject({
      name: 'NotFoundError',
    })
    await expect(update(clientFor([]), 'offers/1', (offer) => offer, { attempts: 0 })).rejects.toThrow(
      ConfigurationError,
    )
  })
})
