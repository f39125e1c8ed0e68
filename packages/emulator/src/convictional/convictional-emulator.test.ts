import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { type ConvictionalCredentials, startConvictionalEmulator } from './convictional-emulator.js'
import type { ConvictionalState } from './convictional-state.js'

describe('Convictional emulator', () => {
  let emulator: Emulator<ConvictionalState, ConvictionalCredentials>
  const as =
    (key: string) =>
    (path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${emulator.url}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: key, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      })
  const buyer = (path: string, init?: { method?: string; body?: unknown }) =>
    as(emulator.credentials.buyerApiKey)(path, init)
  const newOrder = (buyerReference: string) => {
    const variantId = [...emulator.state.products.values()][0]?.variants[0]?._id
    return {
      buyerReference,
      address: { name: 'Kevin', addressOne: '671 Lincoln Avenue', city: 'Winnetka', country: 'US', zip: '60093' },
      items: [{ variantId, quantity: 2 }],
    }
  }

  beforeAll(async () => {
    emulator = await startConvictionalEmulator({ seed: 11, rateLimits: false, convictional: { products: 30 } })
  })
  afterAll(() => emulator.stop())

  it('authenticates with the raw key in Authorization and keeps buyers out of the seller API', async () => {
    expect((await fetch(`${emulator.url}/buyer/products`)).status).toBe(401)
    expect((await buyer('/buyer/products')).status).toBe(200)
    const forbidden = await buyer('/seller/products')
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toMatchObject({ statusCode: 403 })
    expect((await as(emulator.credentials.sellerApiKey)('/seller/orders')).status).toBe(200)
  })

  it('pages lists as {data, hasMore, next} until hasMore is false', async () => {
    const titles: string[] = []
    let next: string | null = '/buyer/products?limit=12'
    while (next) {
      const page = (await (await buyer(next)).json()) as {
        data: Array<{ title: string }>
        hasMore: boolean
        next: string | null
      }
      titles.push(...page.data.map((product) => product.title))
      expect(page.hasMore).toBe(page.next !== null)
      next = page.next
    }
    expect(titles).toHaveLength(30)
  })

  it('creates a buyer order and answers 409 with the existing order id for a repeated buyerReference', async () => {
    const created = await buyer('/buyer/orders', { method: 'POST', body: newOrder('PO-NEW-1') })
    expect(created.status).toBe(201)
    const order = (await created.json()) as { _id: string; status: string }
    expect(order.status).toBe('open')
    expect((await buyer(`/buyer/orders/${order._id}`)).status).toBe(200)
    const again = await buyer('/buyer/orders', { method: 'POST', body: newOrder('PO-NEW-1') })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ orderId: order._id })
    expect(emulator.writes.map((write) => write.applied)).toEqual([true, false])
  })

  it('rejects an order for an unknown variant with 400', async () => {
    const response = await buyer('/buyer/orders', {
      method: 'POST',
      body: { ...newOrder('PO-BAD'), items: [{ variantId: 'x', quantity: 1 }] },
    })
    expect(response.status).toBe(400)
  })

  it('lists partners, lets the seller fulfil an order and create a product', async () => {
    const partners = (await (await buyer('/buyer/partners')).json()) as { data: Array<{ type: string }> }
    expect(partners.data.map((partner) => partner.type)).toEqual(['seller'])
    const seller = as(emulator.credentials.sellerApiKey)
    const [orderId] = [...emulator.state.orders.values()]
      .filter((order) => order.status === 'open')
      .map((order) => order._id)
    expect(
      ((await (await seller(`/seller/orders/${orderId}/fulfill`, { method: 'POST' })).json()) as { status: string })
        .status,
    ).toBe('fulfilled')
    const product = await seller('/seller/products', {
      method: 'POST',
      body: { title: 'Mug', variants: [{ sku: 'MUG-1', basePrice: 4 }] },
    })
    expect(product.status).toBe(201)
  })

  it('returns X-Request-ID and the 5 per 1-second bucket headers, and 429 once the bucket is used up', async () => {
    emulator.setRateLimits([])
    const responses = await Promise.all(Array.from({ length: 11 }, () => buyer('/buyer/orders')))
    expect(responses[0]?.headers.get('x-rate-limit-limit')).toBe('5')
    expect(responses[0]?.headers.get('x-rate-limit-duration')).toBe('1')
    expect(responses[0]?.headers.get('x-request-id')).toBeTruthy()
    const limited = responses.filter((response) => response.status === 429)
    expect(limited.length).toBeGreaterThanOrEqual(1)
    expect(limited[0]?.headers.get('retry-after')).toBe('1')
    emulator.setRateLimits(false)
  })
})
