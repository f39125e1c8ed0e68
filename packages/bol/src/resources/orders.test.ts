import { getRequestId } from '@b2bkit/http'
import { isNotFoundError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCalls, type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('orders', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 11, bol: { openOrders: 23, ordersPageSize: 10 } })
  })
  afterAll(() => emulator.stop())

  it('lists one page of open orders with the request id attached', async () => {
    const bol = clientFor(emulator)
    const page = await bol.orders.list({ page: 2, status: 'OPEN' })
    expect(page.orders).toHaveLength(10)
    expect(getRequestId(page)).toMatch(/^[0-9a-f-]{36}$/)
    expect(JSON.stringify(page)).not.toContain('requestId')
    const received = emulator.requests.at(-1)
    expect(received?.query).toEqual({ page: '2', status: 'OPEN' })
    expect(received?.headers.accept).toBe('application/vnd.retailer.v10+json')
  })

  it('iterates every order of every page, up to the empty page after the last', async () => {
    emulator.clearLogs()
    const bol = clientFor(emulator)
    const ids: string[] = []
    for await (const order of bol.orders.iterate({ fulfilmentMethod: 'FBR' })) ids.push(order.orderId)
    const expected = [...emulator.state.orders.values()]
      .filter((order) => order.orderItems.some((item) => item.fulfilmentMethod === 'FBR'))
      .filter((order) => order.orderItems.some((item) => item.quantityShipped + item.quantityCancelled < item.quantity))
      .map((order) => order.orderId)
    expect(ids).toEqual(expected)
    expect(new Set(ids).size).toBe(23)
    const pages = emulator.requests.filter((request) => request.path === '/retailer/orders').map((r) => r.query.page)
    expect(pages).toEqual(['1', '2', '3', '4'])
  })

  it('stops at a page that bol answers with an empty object', async () => {
    const sparse = await startBol({
      seed: 2,
      bol: { openOrders: 3, shippedOrders: 0, ordersPageSize: 2, emptyPage: 'empty-object' },
    })
    try {
      const bol = clientFor(sparse)
      const orders = []
      for await (const order of bol.orders.iterate()) orders.push(order)
      expect(orders).toHaveLength(3)
      expect((await bol.orders.list({ page: 5 })).orders).toEqual([])
    } finally {
      await sparse.stop()
    }
  })

  it('reads one order with its details', async () => {
    const bol = clientFor(emulator)
    const [first] = emulator.state.orders.values()
    const order = await bol.orders.get(first?.orderId ?? '')
    expect(order.orderId).toBe(first?.orderId)
    expect(order.orderItems[0]?.orderItemId).toBe(first?.orderItems[0]?.orderItemId)
    expect(order.shipmentDetails.countryCode).toBe('NL')
  })

  it('turns an unknown order into a NotFoundError that carries the request id', async () => {
    const bol = clientFor(emulator)
    const error = await bol.orders.get('404404').catch((caught: unknown) => caught)
    expect(isNotFoundError(error)).toBe(true)
    expect(getRequestId(error)).toBe(emulator.requests.at(-1)?.requestId)
  })

  it('cancels an order item and waits for the process to succeed', async () => {
    const bol = clientFor(emulator)
    const item = [...emulator.state.orders.values()][4]?.orderItems[0]
    const process = await bol.orders.cancel({ orderItemId: item?.orderItemId ?? '', reasonCode: 'OUT_OF_STOCK' })
    expect(process.status).toBe('PENDING')
    expect(process.eventType).toBe('CANCEL_ORDER')
    const done = await process.wait()
    expect(done).toMatchObject({ status: 'SUCCESS', entityId: item?.orderItemId })
    expect(item?.quantityCancelled).toBe(item?.quantity)
    expect(apiCalls(emulator)).toContain('PUT /retailer/orders/cancellation')
    expect(JSON.parse(emulator.requests.find((r) => r.method === 'PUT')?.body ?? '{}')).toEqual({
      orderItems: [{ orderItemId: item?.orderItemId, reasonCode: 'OUT_OF_STOCK' }],
    })
  })
})
