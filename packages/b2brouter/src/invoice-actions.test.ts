import { getRequestId } from '@b2bkit/http'
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

describe('client.invoices actions', () => {
  it('sends an invoice once, and answers a second send with invoice_already_sent', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('ACT-1'))
    const sent = await bed.client.invoices.send(invoice.id)
    expect(sent.invoice).toMatchObject({ id: invoice.id, state: 'sent' })
    expect(bed.emulator.writes.at(-1)).toMatchObject({ method: 'POST', path: `/invoices/send_invoice/${invoice.id}` })
    const again = await bed.client.invoices.send(invoice.id).catch((e: unknown) => e)
    expect(isUnprocessableEntityError(again)).toBe(true)
    expect(again).toMatchObject({ providerCode: 'invoice_already_sent' })
  })

  it('marks an invoice as paid with the extra fields, and a repeat changes nothing', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('ACT-2'))
    const paid = await bed.client.invoices.markAs(invoice.id, 'paid', { paid_date: '2026-11-25' })
    expect(paid).toMatchObject({ id: invoice.id, state: 'paid' })
    expect(bed.emulator.writes.at(-1)?.body).toEqual({ paid_date: '2026-11-25', state: 'paid' })
    expect(await bed.client.invoices.markAs(invoice.id, 'paid')).toMatchObject({ state: 'paid' })
  })

  it('retries markAs after a 503, because setting a state twice is harmless', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('ACT-3'))
    bed.emulator.clearLogs()
    bed.emulator.setFaults({ errorRate: 1, errorStatuses: [503] })
    const client = bed.clientWith({ retry: slowRetry })
    const pending = client.invoices.markAs(invoice.id, 'accepted')
    // The first attempt meets the fault; the retry, 200 ms later, goes through.
    await untilReceived(bed.emulator, (request) => request.path.endsWith('/mark_as') && request.fault === 'error')
    bed.emulator.setFaults({})
    expect(await pending).toMatchObject({ state: 'accepted' })
    expect(bed.emulator.requests.filter((request) => request.path.endsWith('/mark_as'))).toHaveLength(2)
  })

  it('downloads the PDF and the UBL document as bytes, with the request id', async () => {
    const invoice = await bed.client.invoices.create(bed.accountId, invoiceInput('ACT-4'))
    const pdf = await bed.client.invoices.download(invoice.id, 'pdf.invoice')
    expect(pdf).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-')
    expect(getRequestId(pdf)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(bed.emulator.requests.at(-1)?.headers.accept).toBe('application/pdf')
    const xml = new TextDecoder().decode(await bed.client.invoices.download(invoice.id, 'xml.ubl.invoice.bis3'))
    expect(xml).toContain('<cbc:ID>ACT-4</cbc:ID>')
    expect(bed.emulator.requests.at(-1)?.headers.accept).toBe('application/xml')
  })

  it('validates with GET …/validate and acknowledges with POST …/ack', async () => {
    // The emulator has neither; a local server answers as B2Brouter documents them.
    const server = await startTestServer((request, response) =>
      request.method === 'GET'
        ? sendJson(response, 200, { valid: false, errors: ['contact has no tin_value'] })
        : sendJson(response, 200, { invoice: { id: 5, ack: true } }),
    )
    try {
      const client = createB2BRouterClient({ apiKey: 'key-1', environment: 'staging', baseUrl: server.url })
      expect(await client.invoices.validate(5)).toEqual({ valid: false, errors: ['contact has no tin_value'] })
      expect(await client.invoices.acknowledge(5)).toEqual({ id: 5, ack: true })
      expect(server.received.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
        { method: 'GET', url: '/invoices/5/validate', body: '' },
        { method: 'POST', url: '/invoices/5/ack', body: JSON.stringify({ ack: true }) },
      ])
    } finally {
      await server.close()
    }
  })
})
