import { createConvictionalClient } from '@b2bkit/convictional'
import { isB2bkitError } from '@b2bkit/http'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyHeaderText } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'
import { type ScriptedServer, startScriptedServer } from '../support/scripted-server.js'
import { leakedSecrets, plantSecret } from '../support/secrets.js'

const json = (body: unknown) => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe("Convictional's pagination links (fuzzed, over HTTP)", () => {
  let api: ScriptedServer
  let foreign: ScriptedServer
  const apiKey = plantSecret('convictional-key-')

  beforeAll(async () => {
    api = await startScriptedServer()
    foreign = await startScriptedServer()
    foreign.answer(json({ data: [{ id: 'foreign' }], hasMore: false, next: null }))
  })
  afterAll(async () => {
    await api.close()
    await foreign.close()
  })

  /** Lists the products with `link` as the first page's next link; the ids seen and the error thrown, if any. */
  async function iterateWith(link: unknown, hasMore: boolean): Promise<{ ids: unknown[]; error?: unknown }> {
    foreign.received.length = 0
    let pages = 0
    api.answer(() =>
      pages++ === 0
        ? json({ data: [{ id: 'first' }], hasMore, next: link })
        : json({ data: [{ id: 'last' }], hasMore: false, next: null }),
    )
    const client = createConvictionalClient({ apiKey, baseUrl: api.url, rateLimit: false, retry: 0 })
    const ids: unknown[] = []
    try {
      for await (const product of client.seller.products.iterate({}, { maxPages: 4 })) {
        ids.push((product as { id?: unknown }).id)
      }
      return { ids }
    } catch (error) {
      return { ids, error }
    }
  }

  it(
    'never follows a next link to another origin, in any spelling a URL parser accepts, so the key stays home',
    async () => {
      const authority = new URL(foreign.url).host
      const link = fc.constantFrom(
        `${foreign.url}/products?page=1`,
        `//${authority}/products`,
        `\\\\${authority}/products`,
        `/\\${authority}/products`,
        `\\/${authority}/products`,
        `http:${authority}/products`,
        `http:/${authority}/products`,
        `HTTP://${authority}/products`,
        ` //${authority}/products`,
        `\t//${authority}/products`,
        `//user:password@${authority}/products`,
        // Same-origin links, which must still be followed.
        '/products?page=1',
        'products?page=1',
        `${api.url}/products?page=1`,
      )
      await fc.assert(
        fc.asyncProperty(link, async (next) => {
          const { ids } = await iterateWith(next, true)
          expect(ids).not.toContain('foreign')
          expect(foreign.received.map((request) => request.url)).toEqual([])
        }),
        fuzzParameters('http'),
      )
    },
    fuzzTimeoutMs('http'),
  )

  it(
    'ends the iteration or fails with a typed error that shows no key, whatever the next link holds',
    async () => {
      const link = fc.oneof(
        anyHeaderText,
        fc.constantFrom('http://[', 'javascript:alert(1)', 'mailto:x@y', 'data:,x', '', 'http://', '//', '/%zz'),
        fc.jsonValue({ maxDepth: 1 }),
      )
      await fc.assert(
        fc.asyncProperty(link, fc.boolean(), async (next, hasMore) => {
          const { error } = await iterateWith(next, hasMore)
          if (error === undefined) return
          expect(isB2bkitError(error), String(error)).toBe(true)
          expect(leakedSecrets(error, { apiKey })).toEqual([])
        }),
        fuzzParameters('http'),
      )
    },
    fuzzTimeoutMs('http'),
  )
})
