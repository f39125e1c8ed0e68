import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken, waitForProcess } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

const newOffer = {
  ean: '8712345678906',
  condition: { name: 'NEW' },
  pricing: { bundlePrices: [{ quantity: 1, unitPrice: 19.99 }] },
  stock: { amount: 5, managedByRetailer: false },
  fulfilment: { method: 'FBR', deliveryCode: '1-2d' },
}

describe('bol offers', () => {
  let emulator: Emulator<BolState, BolCredentials>
  let request: ReturnType<typeof bolFetcher>
  const run = async (path: string, method: string, body?: unknown) => {
    const pending = (await (await request(path, { method, body })).json()) as Record<string, string>
    return waitForProcess(request, pending.processStatusId as string)
  }

  beforeAll(async () => {
    emulator = await startBolEmulator({ processDelayMs: 20, rateLimits: false })
    request = bolFetcher(emulator, await bolToken(emulator))
  })
  afterAll(() => emulator.stop())

  it('creates, reads, reprices, restocks, updates and deletes an offer through processes', async () => {
    const created = await run('/retailer/offers', 'POST', newOffer)
    expect(created).toMatchObject({ status: 'SUCCESS', eventType: 'CREATE_OFFER' })
    const offerId = created.entityId as string
    expect(await (await request(`/retailer/offers/${offerId}`)).json()).toMatchObject({ offerId, ean: newOffer.ean })
    await run(`/retailer/offers/${offerId}/price`, 'PUT', {
      pricing: { bundlePrices: [{ quantity: 1, unitPrice: 24.5 }] },
    })
    await run(`/retailer/offers/${offerId}/stock`, 'PUT', { amount: 9, managedByRetailer: true })
    await run(`/retailer/offers/${offerId}`, 'PUT', { onHoldByRetailer: true, fulfilment: { method: 'FBR' } })
    expect(emulator.state.offers.get(offerId)).toMatchObject({
      bundlePrices: [{ unitPrice: 24.5 }],
      stock: { amount: 9 },
      onHoldByRetailer: true,
    })
    expect((await run(`/retailer/offers/${offerId}`, 'DELETE')).status).toBe('SUCCESS')
    expect((await request(`/retailer/offers/${offerId}`)).status).toBe(404)
  })

  it('fails a second offer for the same EAN and condition, naming the existing offer', async () => {
    const ean = '8712345678913'
    const first = await run('/retailer/offers', 'POST', { ...newOffer, ean })
    const second = await run('/retailer/offers', 'POST', { ...newOffer, ean })
    expect(second).toMatchObject({ status: 'FAILURE', errorMessage: expect.stringContaining(first.entityId as string) })
  })

  it('exports the offers as CSV once the export process succeeded', async () => {
    const done = await run('/retailer/offers/export', 'POST', { format: 'CSV' })
    const response = await request(`/retailer/offers/export/${done.entityId}`, {
      headers: { accept: 'application/vnd.retailer.v10+csv' },
    })
    expect(response.headers.get('content-type')).toBe('application/vnd.retailer.v10+csv')
    const lines = (await response.text()).trim().split('\n')
    expect(lines[0]).toMatch(/^offerId,ean,conditionName/)
    expect(lines).toHaveLength(emulator.state.offers.size + 1)
  })

  it('announces the deprecated offer endpoints with Warning, Deprecation and Sunset headers, switchable at run time', async () => {
    const [offerId] = emulator.state.offers.keys()
    const response = await request(`/retailer/offers/${offerId}`)
    expect(response.headers.get('warning')).toBe('299 - "Deprecated API"')
    expect(response.headers.get('deprecation')).toMatch(/^@\d+$/)
    expect(response.headers.get('sunset')).toMatch(/GMT$/)
    expect((await request('/retailer/orders')).headers.get('warning')).toBeNull()
    emulator.setDeprecations([{ method: 'GET', path: '/retailer/orders' }])
    expect((await request('/retailer/orders')).headers.get('warning')).toBe('299 - "Deprecated API"')
    expect((await request(`/retailer/offers/${offerId}`)).headers.get('warning')).toBeNull()
  })

  it('answers commissions single, in bulk and as rates with a 207 multi-status', async () => {
    const single = await request('/retailer/commission/8712345678906?unit-price=20')
    expect(await single.json()).toMatchObject({ ean: '8712345678906', unitPrice: 20, fixedAmount: 0.99 })
    const bulk = await request('/retailer/commission', {
      method: 'POST',
      body: { commissionQueries: [{ ean: '8712345678906', unitPrice: 10 }] },
    })
    expect(((await bulk.json()) as { commissions: unknown[] }).commissions).toHaveLength(1)
    const rates = await request('/retailer/commissions', {
      method: 'POST',
      body: { products: [{ ean: '8712345678906' }, { ean: 'x' }] },
    })
    expect(rates.status).toBe(207)
    expect(await rates.json()).toMatchObject({
      successfulQueries: [{ index: 0 }],
      failedQueries: [{ index: 1, status: 404 }],
    })
  })

  it('lists the inventory filtered by stock state', async () => {
    const all = (await (await request('/retailer/inventory')).json()) as { inventory: unknown[] }
    const sufficient = (await (await request('/retailer/inventory?stock=SUFFICIENT')).json()) as {
      inventory?: unknown[]
    }
    expect(all.inventory.length).toBeGreaterThan(0)
    expect(sufficient.inventory?.length ?? 0).toBeLessThanOrEqual(all.inventory.length)
  })
})
