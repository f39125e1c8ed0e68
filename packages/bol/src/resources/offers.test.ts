import type { DeprecationNotice } from '@b2bkit/http'
import { isNotFoundError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from '../internal/test-support.js'
import type { CreateOfferRequest } from '../types/offers.js'

const newOffer: CreateOfferRequest = {
  ean: '8712345678906',
  condition: { name: 'NEW' },
  reference: 'SKU, "quoted" and\nmultiline',
  pricing: { bundlePrices: [{ quantity: 1, unitPrice: 9.5 }] },
  stock: { amount: 3, managedByRetailer: false },
  fulfilment: { method: 'FBR', deliveryCode: '1-2d' },
}

describe('offers', () => {
  let emulator: BolEmulator
  const notices: DeprecationNotice[] = []
  beforeAll(async () => {
    emulator = await startBol({ seed: 31 })
  })
  afterAll(() => emulator.stop())

  it('creates, reads, changes and deletes an offer, waiting for each process', async () => {
    const bol = clientFor(emulator, { onDeprecation: (notice) => notices.push(notice) })
    const created = await (await bol.offers.create(newOffer)).wait()
    const offerId = created.entityId ?? ''
    expect(created).toMatchObject({ status: 'SUCCESS', eventType: 'CREATE_OFFER' })
    expect(await bol.offers.get(offerId)).toMatchObject({ offerId, ean: newOffer.ean, stock: { amount: 3 } })

    await (await bol.offers.update(offerId, { reference: 'SKU-2', fulfilment: { method: 'FBR' } })).wait()
    await (
      await bol.offers.updatePrice(offerId, { pricing: { bundlePrices: [{ quantity: 1, unitPrice: 12 }] } })
    ).wait()
    await (await bol.offers.updateStock(offerId, { amount: 7, managedByRetailer: true })).wait()
    expect(await bol.offers.get(offerId)).toMatchObject({
      reference: 'SKU-2',
      pricing: { bundlePrices: [{ quantity: 1, unitPrice: 12 }] },
      stock: { amount: 7, managedByRetailer: true },
    })

    const deleted = await (await bol.offers.delete(offerId)).wait()
    expect(deleted.eventType).toBe('DELETE_OFFER')
    await expect(bol.offers.get(offerId).catch((error: unknown) => isNotFoundError(error))).resolves.toBe(true)
  })

  it('reports each deprecated offer endpoint once, with bol’s Warning, Deprecation and Sunset headers', () => {
    const endpoints = notices.map((notice) => notice.endpoint)
    expect(endpoints).toEqual([...new Set(endpoints)])
    expect(endpoints).toEqual(
      expect.arrayContaining([
        'POST /retailer/offers',
        'GET /retailer/offers/{id}',
        'PUT /retailer/offers/{id}',
        'PUT /retailer/offers/{id}/price',
        'PUT /retailer/offers/{id}/stock',
        'DELETE /retailer/offers/{id}',
      ]),
    )
    expect(notices[0]).toMatchObject({ warning: 'Deprecated API', deprecation: '@1735689600' })
    expect(notices[0]?.sunset).toMatch(/2027/)
  })

  it('exports every offer: export request, process, CSV parsed into rows keyed by the header', async () => {
    const bol = clientFor(emulator)
    const process = await (await bol.offers.create({ ...newOffer, ean: '8712345678913' })).wait()
    const exported = await bol.offers.export()
    expect(exported.reportId).toMatch(/^\d+$/)
    expect(exported.rows).toHaveLength(emulator.state.offers.size)
    const row = exported.rows.find((candidate) => candidate.offerId === process.entityId)
    expect(row).toMatchObject({
      ean: '8712345678913',
      conditionName: 'NEW',
      referenceCode: 'SKU, "quoted" and\nmultiline',
      stockAmount: '3',
      fulfilmentType: 'FBR',
    })
    const csvRequest = emulator.requests.find((request) => request.path.startsWith('/retailer/offers/export/'))
    expect(csvRequest?.headers.accept).toBe('application/vnd.retailer.v10+csv')
    expect((await bol.offers.getExport(exported.reportId)).rows).toEqual(exported.rows)
  })
})
