import { getRequestId } from '@b2bkit/http'
import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConvictionalClient } from './client.js'
import { type ConvictionalTestbed, startTestbed } from './internal/test-support.js'

let bed: ConvictionalTestbed
// The emulator has no /auth/me and no documents; this server answers them as the Shared API reference documents.
let documented: TestServer
beforeAll(async () => {
  bed = await startTestbed()
  documented = await startTestServer((request, response) => {
    if (request.url === '/auth/me')
      return sendJson(response, 200, { user: { email: 'ops@example.test' }, company: { name: 'Acme' } })
    if (request.url.startsWith('/documents?')) {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page'))
      return sendJson(response, 200, {
        data: [{ _id: `d${page}` }],
        hasMore: page < 2,
        next: page < 2 ? `/documents?page=${page + 1}&limit=1` : null,
      })
    }
    return sendJson(response, 200, { _id: 'd1', name: 'Price sheet' }, { 'x-request-id': 'doc-req' })
  })
})
afterAll(async () => {
  await bed.emulator.stop()
  await documented.close()
})

describe('shared endpoints', () => {
  it('lists and iterates trading partners with either key', async () => {
    const sellerSees = await bed.seller.partners.list()
    expect(sellerSees.data.map((partner) => partner.name)).toEqual(['b2bkit Demo Buyer'])
    const names: string[] = []
    for await (const partner of bed.buyer.partners.iterate()) names.push(String(partner.name))
    expect(names).toEqual(['b2bkit Demo Seller'])
    expect(bed.emulator.requests.at(-1)?.path).toBe('/buyer/partners')
  })

  it("reads the key's user and company from /auth/me", async () => {
    const client = createConvictionalClient({ apiKey: 'key-1', baseUrl: documented.url })
    expect(await client.me()).toEqual({ user: { email: 'ops@example.test' }, company: { name: 'Acme' } })
    expect(documented.received.at(-1)).toMatchObject({ method: 'GET', url: '/auth/me' })
  })

  it('lists and iterates documents over the next links, and gets one', async () => {
    const client = createConvictionalClient({ apiKey: 'key-1', baseUrl: documented.url })
    const ids: string[] = []
    for await (const document of client.documents.iterate({ limit: 1 })) ids.push(document._id)
    expect(ids).toEqual(['d0', 'd1', 'd2'])
    expect((await client.documents.list({ page: 2, limit: 1 })).data).toEqual([{ _id: 'd2' }])
    const document = await client.documents.get('d1')
    expect(document).toEqual({ _id: 'd1', name: 'Price sheet' })
    expect(getRequestId(document)).toBe('doc-req')
    expect(documented.received.at(-1)?.url).toBe('/documents/d1')
  })

  it('refuses to follow a next link to another host, which would carry the key there', async () => {
    const server = await startTestServer((_request, response) =>
      sendJson(response, 200, {
        data: [{ _id: 'p1' }],
        hasMore: true,
        next: 'https://elsewhere.example/partners?page=1',
      }),
    )
    try {
      const client = createConvictionalClient({ apiKey: 'key-1', baseUrl: server.url })
      const seen: string[] = []
      const iteration = (async () => {
        for await (const partner of client.partners.iterate()) seen.push(partner._id)
      })()
      await expect(iteration).rejects.toMatchObject({ code: 'FOREIGN_NEXT_LINK' })
      expect(seen).toEqual(['p1'])
      expect(server.received).toHaveLength(1)
    } finally {
      await server.close()
    }
  })
})
