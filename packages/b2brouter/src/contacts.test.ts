import { sendJson, startTestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createB2BRouterClient } from './client.js'
import { type B2BRouterTestbed, startTestbed } from './internal/test-support.js'

let bed: B2BRouterTestbed
beforeAll(async () => {
  bed = await startTestbed({ b2brouter: { contacts: 23 } })
})
afterAll(() => bed.emulator.stop())

describe('client.contacts', () => {
  it('lists one page with the total, and iterates every contact page by page', async () => {
    const page = await bed.client.contacts.list(bed.accountId, { limit: 5 })
    expect(page.contacts).toHaveLength(5)
    bed.emulator.clearLogs()
    const names: string[] = []
    for await (const contact of bed.client.contacts.iterate(bed.accountId, { limit: 10 }))
      names.push(String(contact.name))
    expect(names).toHaveLength(23)
    expect(new Set(names).size).toBe(23)
    // 10 + 10 + 3, and no fourth request: the total said the list was done.
    expect(bed.emulator.requests.map((request) => request.query)).toEqual([
      { offset: '0', limit: '10' },
      { offset: '10', limit: '10' },
      { offset: '20', limit: '10' },
    ])
  })

  it('stops after maxPages pages', async () => {
    bed.emulator.clearLogs()
    const seen: unknown[] = []
    for await (const contact of bed.client.contacts.iterate(bed.accountId, { limit: 4 }, { maxPages: 2 }))
      seen.push(contact)
    expect(seen).toHaveLength(8)
    expect(bed.emulator.requests).toHaveLength(2)
  })

  it('creates a contact in the account and gets it back', async () => {
    const contact = await bed.client.contacts.create(bed.accountId, {
      name: 'Example Customer',
      email: 'ap@example.test',
    })
    expect(contact).toMatchObject({ name: 'Example Customer', account_id: bed.accountId })
    expect(bed.emulator.writes.at(-1)?.body).toEqual({
      contact: { name: 'Example Customer', email: 'ap@example.test' },
    })
    expect(await bed.client.contacts.get(contact.id)).toEqual(contact)
  })

  it('fetches no further page once the signal aborts', async () => {
    const controller = new AbortController()
    let seen = 0
    bed.emulator.clearLogs()
    const iteration = (async () => {
      for await (const _contact of bed.client.contacts.iterate(
        bed.accountId,
        { limit: 5 },
        { signal: controller.signal },
      )) {
        seen++
        if (seen === 7) controller.abort(new Error('enough'))
      }
    })()
    await expect(iteration).rejects.toThrow('enough')
    // The second page was already fetched; it is handed out, and the third is never asked for.
    expect(seen).toBe(10)
    expect(bed.emulator.requests).toHaveLength(2)
  })

  it('updates with PUT {"contact": change} and deletes with DELETE', async () => {
    // The emulator has no contact update or delete; a local server answers as B2Brouter documents them.
    const server = await startTestServer((request, response) =>
      sendJson(response, 200, { contact: { id: 9, name: request.method === 'PUT' ? 'New name' : 'Old name' } }),
    )
    try {
      const client = createB2BRouterClient({ apiKey: 'key-1', environment: 'staging', baseUrl: server.url })
      expect(await client.contacts.update(9, { name: 'New name' })).toEqual({ id: 9, name: 'New name' })
      expect(await client.contacts.delete(9)).toEqual({ id: 9, name: 'Old name' })
      expect(server.received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
        { method: 'PUT', url: '/contacts/9', body: JSON.stringify({ contact: { name: 'New name' } }) },
        { method: 'DELETE', url: '/contacts/9', body: '' },
      ])
    } finally {
      await server.close()
    }
  })
})
