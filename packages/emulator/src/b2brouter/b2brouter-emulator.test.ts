import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startWebhookReceiver } from '../internal/webhook-receiver.js'
import { type B2BrouterCredentials, startB2BrouterEmulator } from './b2brouter-emulator.js'
import type { B2BrouterState } from './b2brouter-state.js'

describe('B2Brouter emulator', () => {
  let emulator: Emulator<B2BrouterState, B2BrouterCredentials>
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
  const request = (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'x-b2b-api-key': init.key ?? emulator.credentials.apiKey,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  const invoicesPath = () => `/accounts/${emulator.credentials.accountId}/invoices`
  const createInvoice = (number: string) =>
    request(invoicesPath(), {
      method: 'POST',
      body: {
        invoice: {
          number,
          contact: { name: 'Buyer BV' },
          invoice_lines_attributes: [
            {
              description: 'Widget',
              quantity: 2,
              price: 10,
              taxes_attributes: [{ name: 'VAT', category: 'S', percent: 21 }],
            },
          ],
        },
      },
    })

  beforeAll(async () => {
    receiver = await startWebhookReceiver()
    emulator = await startB2BrouterEmulator({ seed: 5 })
  })
  afterAll(async () => {
    await emulator.stop()
    await receiver.close()
  })

  it('refuses a missing key, an unknown key and the production key in staging with {"error": {...}}', async () => {
    expect((await fetch(`${emulator.url}/accounts`)).status).toBe(401)
    const unknown = await request('/accounts', { key: 'nope' })
    expect(await unknown.json()).toEqual({ error: { code: 'unauthorized', message: 'Invalid API key.' } })
    const production = await request('/accounts', { key: emulator.credentials.productionApiKey })
    expect(production.status).toBe(401)
    expect(((await production.json()) as { error: { message: string } }).error.message).toContain('production')
    expect((await request('/accounts')).status).toBe(200)
  })

  it('sends a request id and the 600-per-minute staging limit headers', async () => {
    const response = await request('/accounts')
    expect(response.headers.get('x-request-id')).toBeTruthy()
    expect(response.headers.get('x-ratelimit-limit')).toBe('600')
  })

  it('creates accounts and contacts and lists contacts with offset and limit', async () => {
    const account = await request('/accounts', {
      method: 'POST',
      body: { account: { name: 'New Co', country: 'es', tin_value: 'ESB1' } },
    })
    expect(account.status).toBe(201)
    const contact = await request(`/accounts/${emulator.credentials.accountId}/contacts`, {
      method: 'POST',
      body: { contact: { name: 'Client SA' } },
    })
    const created = ((await contact.json()) as { contact: { id: number } }).contact
    expect((await request(`/contacts/${created.id}`)).status).toBe(200)
    const page = (await (
      await request(`/accounts/${emulator.credentials.accountId}/contacts?offset=2&limit=2`)
    ).json()) as {
      contacts: unknown[]
      total_count: number
      offset: number
    }
    expect(page).toMatchObject({ total_count: 6, offset: 2, limit: 2 })
    expect(page.contacts).toHaveLength(2)
  })

  it('creates an invoice with totals, and answers a repeated number with 422 naming the existing invoice', async () => {
    const first = await createInvoice('INV-1')
    expect(first.status).toBe(201)
    const invoice = ((await first.json()) as { invoice: { id: number; total: number; state: string } }).invoice
    expect(invoice).toMatchObject({ total: 24.2, state: 'new' })
    const again = await createInvoice('INV-1')
    expect(again.status).toBe(422)
    expect(await again.json()).toEqual({
      error: { code: 'invoice_number_taken', message: 'Number INV-1 has already been taken.', invoice_id: invoice.id },
    })
    expect(emulator.writes.filter((write) => write.applied && write.path === invoicesPath())).toHaveLength(1)
    expect(emulator.writes.at(-1)?.duplicateOf).toBeDefined()
  })

  it('lists invoices with offset, limit and a number filter', async () => {
    await createInvoice('INV-2')
    const page = (await (await request(`${invoicesPath()}?offset=0&limit=2`)).json()) as {
      invoices: unknown[]
      total_count: number
    }
    expect(page.invoices).toHaveLength(2)
    expect(page.total_count).toBe(5)
    const byNumber = (await (await request(`${invoicesPath()}?number=INV-2`)).json()) as {
      invoices: Array<{ number: string }>
    }
    expect(byNumber.invoices.map((invoice) => invoice.number)).toEqual(['INV-2'])
    expect((await request(`${invoicesPath()}?limit=501`)).status).toBe(400)
  })

  it('sends an invoice once, marks it paid, and fires signed webhooks for each state change', async () => {
    const webhook = (await (
      await request(`/accounts/${emulator.credentials.accountId}/webhooks`, {
        method: 'POST',
        body: { webhook: { url: receiver.url } },
      })
    ).json()) as { webhook: { signature_key: string } }
    const invoice = ((await (await createInvoice('INV-3')).json()) as { invoice: { id: number } }).invoice
    expect((await request(`/invoices/send_invoice/${invoice.id}`, { method: 'POST' })).status).toBe(200)
    const twice = await request(`/invoices/send_invoice/${invoice.id}`, { method: 'POST' })
    expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('invoice_already_sent')
    const paid = await request(`/invoices/${invoice.id}/mark_as`, { method: 'POST', body: { state: 'paid' } })
    expect(((await paid.json()) as { invoice: { state: string } }).invoice.state).toBe('paid')
    const received = await receiver.waitFor(3)
    const types = received.map((entry) => (JSON.parse(entry.body) as { type: string }).type)
    expect(types).toEqual(['issued_invoice.created', 'issued_invoice.state_change', 'issued_invoice.state_change'])
    for (const entry of received) {
      const [, timestamp, signature] =
        /^t=(\d+),s=([0-9a-f]{64})$/.exec(String(entry.headers['x-b2brouter-signature'])) ?? []
      const expected = createHmac('sha256', webhook.webhook.signature_key)
        .update(`${timestamp}.${entry.body}`)
        .digest('hex')
      expect(signature).toBe(expected)
    }
  })

  it('downloads an invoice as PDF and as UBL XML', async () => {
    const [invoiceId] = emulator.state.invoices.keys()
    const pdf = await request(`/invoices/${invoiceId}/as/pdf.invoice`)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    const xml = await request(`/invoices/${invoiceId}/as/xml.ubl.invoice.bis3`)
    expect(xml.headers.get('content-type')).toBe('application/xml')
    expect(await xml.text()).toContain('<cbc:ID>SEED-0001</cbc:ID>')
    expect((await request(`/invoices/${invoiceId}/as/docx`)).status).toBe(422)
  })

  it('answers 429 with Retry-After and an error body when the per-minute limit is used up', async () => {
    emulator.setRateLimits({ rules: [{ path: '/**', limit: 2, intervalMs: 60_000 }], includeDefaults: false })
    await request('/accounts')
    await request('/accounts')
    const limited = await request('/accounts')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded')
    emulator.setRateLimits(false)
  })

  it('plays production with 1,000 per minute when asked', async () => {
    const production = await startB2BrouterEmulator({ b2brouter: { environment: 'production' } })
    const response = await fetch(`${production.url}/accounts`, {
      headers: { 'x-b2b-api-key': production.credentials.apiKey },
    })
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000')
    expect(production.credentials.apiKey).toBe(production.credentials.productionApiKey)
    await production.stop()
  })
})
