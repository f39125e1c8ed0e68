import { getRequestId } from '@b2bkit/http'
import { isNotFoundError } from '@b2bkit/problem'
import { type ReceivedRequest, sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConvictionalClient } from './client.js'
import { type ConvictionalTestbed, startTestbed } from './internal/test-support.js'

let bed: ConvictionalTestbed
// The emulator has no order changes, cancels, fulfillments (as documented), invoices, product changes or price lists;
// this server answers those as Convictional's Seller API reference documents them, at the documented paths.
let documented: TestServer
beforeAll(async () => {
  bed = await startTestbed({ convictional: { products: 4, orders: 9 } })
  documented = await startTestServer((request, response) =>
    sendJson(response, request.method === 'POST' && request.url.endsWith('/products') ? 201 : 200, answerTo(request), {
      'x-request-id': `req-${documented.received.length}`,
    }),
  )
})
afterAll(async () => {
  await bed.emulator.stop()
  await documented.close()
})

function answerTo(request: ReceivedRequest): unknown {
  const body = request.body === '' ? {} : JSON.parse(request.body)
  if (request.method === 'DELETE' && request.url.startsWith('/products/')) return { deleted: request.url.split('/')[2] }
  if (request.url.startsWith('/prices') && request.method === 'GET' && request.url.includes('?')) return [{ _id: 'p1' }]
  return { _id: 'answered', echo: body }
}
const documentedClient = () =>
  createConvictionalClient({ apiKey: 'seller-key-1', baseUrl: documented.url, rateLimit: false })
const lastReceived = () => {
  const { method, url, body, headers } = documented.received.at(-1) as ReceivedRequest
  return { method, url, body: body === '' ? undefined : JSON.parse(body), authorization: headers.authorization }
}

describe('client.seller.orders', () => {
  it('lists a page, iterates every order over the next links and gets one', async () => {
    const page = await bed.seller.seller.orders.list({ limit: 4 })
    expect(page.data).toHaveLength(4)
    const ids: string[] = []
    for await (const order of bed.seller.seller.orders.iterate({ limit: 4 })) ids.push(order._id)
    expect(new Set(ids).size).toBe(9)
    const order = await bed.seller.seller.orders.get(ids[0] ?? '')
    expect(order._id).toBe(ids[0])
    expect(getRequestId(order)).toBe(bed.emulator.requests.at(-1)?.requestId)
  })

  it('passes list filters as query parameters', async () => {
    bed.emulator.clearLogs()
    await bed.seller.seller.orders.list({ status: 'fulfilled', limit: 3 })
    expect(bed.emulator.requests[0]?.query).toEqual({ status: 'fulfilled', limit: '3' })
  })

  it('updates, cancels, cancels an item, fulfils and invoices at the documented paths', async () => {
    const client = documentedClient()
    await client.seller.orders.update('o1', { note: 'gift wrap', billed: true })
    expect(lastReceived()).toEqual({
      method: 'PATCH',
      url: '/orders/o1',
      body: { note: 'gift wrap', billed: true },
      authorization: 'seller-key-1',
    })
    await client.seller.orders.cancel('o1', { unfulfilledOnly: true })
    expect(lastReceived()).toMatchObject({ method: 'POST', url: '/orders/o1/cancel', body: { unfulfilledOnly: true } })
    await client.seller.orders.cancelItem('o1', 'i1', { newQuantity: 1 })
    expect(lastReceived()).toMatchObject({
      method: 'POST',
      url: '/orders/o1/items/i1/cancel',
      body: { newQuantity: 1 },
    })
    const fulfillment = await client.seller.orders.createFulfillment('o1', {
      carrier: 'UPS',
      trackingCode: '1Z204E380338943508',
      items: [{ id: 'i1', quantity: 1 }],
    })
    expect(lastReceived()).toMatchObject({ method: 'POST', url: '/orders/o1/fulfillments' })
    expect(fulfillment).toMatchObject({ echo: { carrier: 'UPS', trackingCode: '1Z204E380338943508' } })
    expect(getRequestId(fulfillment)).toBe(`req-${documented.received.length}`)
    await client.seller.orders.createInvoice('o1', { taxes: [{ type: 'GS', amount: 5 }] })
    expect(lastReceived()).toMatchObject({
      method: 'POST',
      url: '/orders/o1/invoices',
      body: { taxes: [{ type: 'GS' }] },
    })
  })
})

describe('client.seller.products', () => {
  it('creates a product, lists, iterates and gets it on the emulator', async () => {
    const created = await bed.seller.seller.products.create({
      title: 'Walnut desk',
      variants: [{ sku: 'DESK-1', basePrice: 240 }],
    })
    expect(created).toMatchObject({ title: 'Walnut desk', variants: [{ sku: 'DESK-1', basePrice: 240 }] })
    expect(bed.emulator.writes.at(-1)).toMatchObject({ method: 'POST', path: '/seller/products', applied: true })
    expect(await bed.seller.seller.products.get(created._id)).toEqual(created)
    const titles: string[] = []
    for await (const product of bed.seller.seller.products.iterate({ limit: 2 })) titles.push(String(product.title))
    expect(titles).toHaveLength(5)
    expect((await bed.seller.seller.products.list()).data).toHaveLength(5)
  })

  it('updates, deletes and updates a variant at the documented paths', async () => {
    const client = documentedClient()
    await client.seller.products.update('p1', { title: 'Oak desk' })
    expect(lastReceived()).toMatchObject({ method: 'PATCH', url: '/products/p1', body: { title: 'Oak desk' } })
    expect(await client.seller.products.delete('p1')).toEqual({ deleted: 'p1' })
    expect(lastReceived()).toMatchObject({ method: 'DELETE', url: '/products/p1' })
    await client.seller.products.updateVariant('p1', 'v1', { inventory_quantity: 3 })
    expect(lastReceived()).toMatchObject({
      method: 'PATCH',
      url: '/products/p1/variants/v1',
      body: { inventory_quantity: 3 },
    })
  })

  it('reads the documented seller paths by default: /products, not /seller/products', async () => {
    await documentedClient().seller.products.get('p9')
    expect(lastReceived()).toMatchObject({ method: 'GET', url: '/products/p9' })
    const missing = await bed
      .clientWith({ paths: {} })
      .seller.products.get('p9')
      .catch((caught: unknown) => caught)
    // The emulator serves the Seller API under /seller only, hence the paths option.
    expect(isNotFoundError(missing)).toBe(true)
  })
})

describe('client.seller.prices', () => {
  it('lists (wrapping a bare array), gets, creates, replaces and deletes price lists', async () => {
    const client = documentedClient()
    const page = await client.seller.prices.list({ limit: 10 })
    expect(page.data).toEqual([{ _id: 'p1' }])
    expect(getRequestId(page)).toBe(`req-${documented.received.length}`)
    const ids: string[] = []
    for await (const price of client.seller.prices.iterate({ limit: 10 })) ids.push(String(price._id))
    expect(ids).toEqual(['p1'])
    await client.seller.prices.get('p1')
    expect(lastReceived()).toMatchObject({ method: 'GET', url: '/prices/p1' })
    await client.seller.prices.create({ name: 'Canada', prices: [{ sku: 'DESK-1', price: 200 }] })
    expect(lastReceived()).toMatchObject({ method: 'POST', url: '/prices', body: { name: 'Canada' } })
    await client.seller.prices.update('p1', { name: 'Canada 2' })
    expect(lastReceived()).toMatchObject({ method: 'PUT', url: '/prices/p1', body: { name: 'Canada 2' } })
    await client.seller.prices.delete('p1')
    expect(lastReceived()).toMatchObject({ method: 'DELETE', url: '/prices/p1' })
  })
})
