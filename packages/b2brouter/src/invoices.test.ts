import { isUnprocessableEntityError } from '@b2bkit/problem'
import { sendJson, startTestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createB2BRouterClient } from './client.js'
import { type B2BRouterTestbed, invoiceInput, slowRetry, startTestbed, untilReceived } from './internal/test-support.js'

let bed: B2BRouterTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

const appliedCreates = () =>
  bed.emulator.writes.filter((write) => write.method === 'POST' && write.path.endsWith('/invoices') && write.applied)

describe('client.invoices', () => {
  it('creates an invoice with its totals, gets it, lists it by number and iterates the account', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('INV-100'))
    expect(invoice).toMatchObject({ number: 'INV-100', state: 'new', subtotal: 20, tax_amount: 4.2, total: 24.2 })
    expect(await bed.client.invoices.get(invoice.id)).toEqual(invoice)
    const page = await bed.client.invoices.list(bed.accountId, { number: 'INV-100' })
    expect(page.invoices.map((found) => found.id)).toEqual([invoice.id])
    const all: number[] = []
    for await (const found of bed.client.invoices.iterate(bed.accountId, { limit: 2 })) all.push(found.id)
    expect(all).toContain(invoice.id)
    expect(all).toHaveLength(bed.emulator.state.invoices.size)
  })

  it('throws the 422 with its code when the number is taken, by default', async () => {
    await bed.client.invoices.create(bed.accountId, invoiceInput('INV-200'))
    const error = await bed.client.invoices.create(bed.accountId, invoiceInput('INV-200')).catch((e: unknown) => e)
    expect(isUnprocessableEntityError(error)).toBe(true)
    expect(error).toMatchObject({ providerCode: 'invoice_number_taken', status: 422 })
  })

  it("resolves a repeated create to the existing invoice with ifExists: 'return', and creates it only once", async () => {
    const first = await bed.client.invoices.create(bed.accountId, invoiceInput('INV-300'), { ifExists: 'return' })
    // A re-run after a crash: the same number, a different price — nothing new is made, the first one comes back.
    const again = await bed.client.invoices.create(bed.accountId, invoiceInput('INV-300', 99), { ifExists: 'return' })
    expect(again).toEqual(first)
    expect(appliedCreates().filter((write) => JSON.stringify(write.body).includes('INV-300'))).toHaveLength(1)
  })

  it("retries a create with ifExists: 'return' after its answer was lost, and still makes one invoice", async () => {
    // The first attempt lands, and its answer is replaced by a 503: the retry must find it, not make a second one.
    bed.emulator.setFaults({ errorRate: 1, errorStatuses: [503], timing: 'after-apply' })
    const client = bed.clientWith({ retry: slowRetry })
    const pending = client.invoices.create(bed.accountId, invoiceInput('INV-400'), { ifExists: 'return' })
    await untilReceived(bed.emulator, (request) => request.method === 'POST' && request.fault === 'error')
    bed.emulator.setFaults({})
    const invoice = await pending
    expect(invoice.number).toBe('INV-400')
    const writes = bed.emulator.writes.filter((write) => JSON.stringify(write.body).includes('INV-400'))
    expect(writes.map((write) => [write.applied, write.status])).toEqual([
      [true, 503],
      [false, 422],
    ])
    expect(client.stats().retries).toBe(1)
  })

  it('does not retry a plain create after a 503, so it cannot make a second invoice', async () => {
    bed.emulator.setFaults({ errorRate: 1, errorStatuses: [503], timing: 'after-apply' })
    try {
      const client = bed.clientWith({ retry: { limit: 2, backoffLimit: 10 } })
      const error = await client.invoices.create(bed.accountId, invoiceInput('INV-500')).catch((e: unknown) => e)
      expect(error).toMatchObject({ status: 503 })
      expect(bed.emulator.writes.filter((write) => JSON.stringify(write.body).includes('INV-500'))).toHaveLength(1)
    } finally {
      bed.emulator.setFaults({})
    }
  })

  it('updates and deletes a new invoice', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('INV-600'))
    const updated = await bed.client.invoices.update(invoice.id, { due_date: '2030-01-31' })
    expect(updated).toMatchObject({ id: invoice.id, due_date: '2030-01-31' })
    expect(bed.emulator.writes.at(-1)).toMatchObject({ method: 'PUT', body: { invoice: { due_date: '2030-01-31' } } })
    expect(await bed.client.invoices.delete(invoice.id)).toMatchObject({ id: invoice.id })
    expect(bed.emulator.state.invoices.has(invoice.id)).toBe(false)
  })

  it('imports a document as the raw request body with its media type and options', async () => {
    // The emulator has no import; a local server answers as B2Brouter documents it.
    const server = await startTestServer((_request, response) => sendJson(response, 201, { invoice: { id: 77 } }))
    try {
      const client = createB2BRouterClient({ apiKey: 'key-1', environment: 'staging', baseUrl: server.url })
      const xml = '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>'
      expect(await client.invoices.import(12, xml, { sendAfterImport: true, issued: false })).toEqual({ id: 77 })
      expect(server.received[0]).toMatchObject({
        method: 'POST',
        url: '/accounts/12/invoices/import?send_after_import=true&issued=false',
        body: xml,
      })
      expect(server.received[0]?.headers['content-type']).toBe('application/xml')
    } finally {
      await server.close()
    }
  })
})
