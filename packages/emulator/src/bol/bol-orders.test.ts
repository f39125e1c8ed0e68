import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

describe('bol orders', () => {
  let emulator: Emulator<BolState, BolCredentials>
  let request: ReturnType<typeof bolFetcher>

  beforeAll(async () => {
    emulator = await startBolEmulator({
      seed: 7,
      bol: { openOrders: 25, shippedOrders: 3, fbbOrders: 2, ordersPageSize: 10 },
    })
    request = bolFetcher(emulator, await bolToken(emulator))
  })
  afterAll(() => emulator.stop())

  it('pages through the open FBR orders and ends with an empty list', async () => {
    const pages: unknown[][] = []
    for (let page = 1; page <= 4; page++) {
      const body = (await (await request(`/retailer/orders?page=${page}`)).json()) as { orders: unknown[] }
      pages.push(body.orders)
    }
    expect(pages.map((orders) => orders.length)).toEqual([10, 10, 5, 0])
  })

  it('filters by status and fulfilment method', async () => {
    const count = async (query: string) =>
      ((await (await request(`/retailer/orders?${query}`)).json()) as { orders: unknown[] }).orders.length
    expect(await count('status=SHIPPED')).toBe(3)
    expect(await count('fulfilment-method=FBB')).toBe(2)
    expect(await count('status=ALL&fulfilment-method=ALL&page=3')).toBe(10)
  })

  it('generates the same orders from the same seed', async () => {
    const other = await startBolEmulator({ seed: 7, bol: { openOrders: 25, shippedOrders: 3, fbbOrders: 2 } })
    expect([...other.state.orders.keys()]).toEqual([...emulator.state.orders.keys()])
    await other.stop()
  })

  it('answers one order with its items, and a problem with violations for an unknown one', async () => {
    const [orderId] = emulator.state.orders.keys()
    const response = await request(`/retailer/orders/${orderId}`)
    expect(response.headers.get('content-type')).toBe('application/vnd.retailer.v10+json')
    expect(((await response.json()) as { orderId: string }).orderId).toBe(orderId)
    const missing = await request('/retailer/orders/0000000000')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ type: 'https://api.bol.com/problems', status: 404, violations: [] })
  })

  it('rejects a bad page number and an unknown status with violations naming the parameter', async () => {
    const badPage = await request('/retailer/orders?page=0')
    expect(badPage.status).toBe(400)
    expect(await badPage.json()).toMatchObject({ violations: [{ name: 'page' }] })
    const badStatus = await request('/retailer/orders?status=LOST')
    expect(await badStatus.json()).toMatchObject({ violations: [{ name: 'status' }] })
  })

  it('answers 406 to an Accept header without the v10 media type and 415 to a body of another type', async () => {
    expect(
      (await request('/retailer/orders', { headers: { accept: 'application/vnd.retailer.v9+json' } })).status,
    ).toBe(406)
    const wrongBody = await request('/retailer/shipments', {
      method: 'POST',
      body: { orderItems: [{ orderItemId: '1' }] },
      headers: { 'content-type': 'application/json' },
    })
    expect(wrongBody.status).toBe(415)
  })

  it('returns X-Request-ID on every response and echoes the client one', async () => {
    const generated = await request('/retailer/orders')
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const echoed = await request('/retailer/orders/none', { headers: { 'x-request-id': 'trace-me-1' } })
    expect(echoed.headers.get('x-request-id')).toBe('trace-me-1')
    expect(emulator.requests.at(-1)).toMatchObject({ requestId: 'trace-me-1', status: 404, outcome: 'answered' })
  })

  it('serves the demo paths from the same state', async () => {
    const [orderId] = emulator.state.orders.keys()
    const response = await request(`/retailer-demo/orders/${orderId}`)
    expect(response.status).toBe(200)
  })

  it('answers an empty object past the last page when asked to behave like bol servers', async () => {
    const other = await startBolEmulator({
      bol: { openOrders: 1, shippedOrders: 0, fbbOrders: 0, emptyPage: 'empty-object' },
    })
    const otherRequest = bolFetcher(other, await bolToken(other))
    expect(await (await otherRequest('/retailer/orders?page=2')).json()).toEqual({})
    await other.stop()
  })
})
