import { getRequestId } from '@b2bkit/http'
import { isConflictError, isForbiddenError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BuyerOrderInput } from './buyer.js'
import { type ConvictionalTestbed, startTestbed } from './internal/test-support.js'

let bed: ConvictionalTestbed
beforeAll(async () => {
  bed = await startTestbed({ convictional: { products: 30, orders: 4 } })
})
afterAll(() => bed.emulator.stop())

const orderFor = async (buyerReference: string): Promise<BuyerOrderInput> => {
  const { data } = await bed.buyer.buyer.products.list({ limit: 1 })
  const variantId = data[0]?.variants?.[0]?._id ?? ''
  return {
    buyerReference,
    address: {
      name: 'Kevin McCallister',
      addressOne: '671 Lincoln Avenue',
      city: 'Winnetka',
      country: 'US',
      zip: '60093',
    },
    items: [{ variantId, quantity: 2, buyerReference: 'line-1' }],
  }
}
const appliedOrders = (reference: string) =>
  bed.emulator.writes.filter((write) => write.applied && JSON.stringify(write.body).includes(reference))

describe('client.buyer', () => {
  it('lists one page of products and iterates all of them over the next links', async () => {
    const page = await bed.buyer.buyer.products.list({ limit: 7 })
    expect(page.data).toHaveLength(7)
    expect(page).toMatchObject({ hasMore: true, next: '/buyer/products?limit=7&page=1' })
    bed.emulator.clearLogs()
    const ids: string[] = []
    for await (const product of bed.buyer.buyer.products.iterate({ limit: 12 })) ids.push(product._id)
    expect(new Set(ids).size).toBe(30)
    expect(bed.emulator.requests.map((request) => request.query)).toEqual([
      { page: '0', limit: '12' },
      { page: '1', limit: '12' },
      { page: '2', limit: '12' },
    ])
  })

  it('stops after maxPages pages', async () => {
    bed.emulator.clearLogs()
    const seen: unknown[] = []
    for await (const product of bed.buyer.buyer.products.iterate({ limit: 5 }, { maxPages: 2 })) seen.push(product)
    expect(seen).toHaveLength(10)
    expect(bed.emulator.requests).toHaveLength(2)
  })

  it('places an order, gets it back and finds it in the list', async () => {
    const order = await bed.buyer.buyer.orders.create(await orderFor('PO-7001'))
    expect(order).toMatchObject({ buyerReference: 'PO-7001', status: 'open' })
    expect(await bed.buyer.buyer.orders.get(order._id)).toEqual(order)
    const references: string[] = []
    for await (const found of bed.buyer.buyer.orders.iterate({ limit: 2 }))
      references.push(String(found.buyerReference))
    expect(references).toContain('PO-7001')
    expect((await bed.buyer.buyer.orders.list()).data.length).toBe(references.length)
  })

  it('throws a ConflictError for a repeated buyerReference by default', async () => {
    await bed.buyer.buyer.orders.create(await orderFor('PO-7002'))
    const error = await bed.buyer.buyer.orders.create(await orderFor('PO-7002')).catch((caught: unknown) => caught)
    expect(isConflictError(error)).toBe(true)
    expect(appliedOrders('PO-7002')).toHaveLength(1)
  })

  it("resolves a repeated create to the existing order with ifExists: 'return', placing it once", async () => {
    const first = await bed.buyer.buyer.orders.create(await orderFor('PO-7003'), { ifExists: 'return' })
    const again = await bed.buyer.buyer.orders.create(await orderFor('PO-7003'), { ifExists: 'return' })
    expect(again).toEqual(first)
    expect(getRequestId(again)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(appliedOrders('PO-7003')).toHaveLength(1)
  })

  it('refuses a seller key on the Buyer API with a 403 that says which key it needs', async () => {
    const error = await bed.seller.buyer.orders.create(await orderFor('PO-7004')).catch((caught: unknown) => caught)
    expect(isForbiddenError(error)).toBe(true)
    expect(error).toMatchObject({ status: 403, code: 'FORBIDDEN' })
    expect((error as Error).message).toContain('needs a buyer API key')
    expect(getRequestId(error)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(appliedOrders('PO-7004')).toHaveLength(0)
  })

  it('refuses a buyer key on the Seller API with a 403 that says which key it needs', async () => {
    const error = await bed.buyer.seller.orders.list().catch((caught: unknown) => caught)
    expect(isForbiddenError(error)).toBe(true)
    expect((error as { detail: string }).detail).toBe(
      'Forbidden: a buyer key cannot use the seller API. (this is a seller API endpoint and needs a seller API key; a buyer key is refused here)',
    )
    expect(bed.emulator.requests.at(-1)).toMatchObject({ path: '/seller/orders', status: 403 })
  })
})
