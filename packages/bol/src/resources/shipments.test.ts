import { getRequestId } from '@b2bkit/http'
import { isNotFoundError } from '@b2bkit/problem'
import { ProcessFailedError } from '@b2bkit/process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('shipments', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 21 })
  })
  afterAll(() => emulator.stop())

  const openItem = (index: number) => {
    const order = [...emulator.state.orders.values()].filter((candidate) =>
      candidate.orderItems.every((item) => item.quantityShipped === 0 && item.fulfilmentMethod === 'FBR'),
    )[index]
    return { orderId: order?.orderId ?? '', orderItemId: order?.orderItems[0]?.orderItemId ?? '' }
  }

  it('ships an order item: the process goes from PENDING to SUCCESS with the order item as entity', async () => {
    const bol = clientFor(emulator)
    const { orderId, orderItemId } = openItem(0)
    const process = await bol.shipments.create({
      orderItems: [{ orderItemId }],
      shipmentReference: 'B2BKIT-1',
      transport: { transporterCode: 'TNT', trackAndTrace: '3SAOLD1234567' },
    })
    expect(process).toMatchObject({ status: 'PENDING', eventType: 'CREATE_SHIPMENT', entityId: orderItemId })
    expect(getRequestId(process)).toBeDefined()
    const done = await process.wait()
    expect(done).toMatchObject({ status: 'SUCCESS', entityId: orderItemId, processStatusId: process.processStatusId })
    const shipment = [...emulator.state.shipments.values()].find((candidate) => candidate.orderId === orderId)
    expect(shipment).toMatchObject({ shipmentReference: 'B2BKIT-1', transport: { transporterCode: 'TNT' } })
    const write = emulator.writes.find((candidate) => candidate.processStatusId === process.processStatusId)
    expect(write).toMatchObject({ method: 'POST', path: '/retailer/shipments', processResult: 'SUCCESS' })
  })

  it('keeps wait() out of JSON and structured clones of the process status', async () => {
    const bol = clientFor(emulator)
    const process = await bol.shipments.create({ orderItems: [{ orderItemId: openItem(1).orderItemId }] })
    const json = JSON.parse(JSON.stringify(process))
    expect(Object.keys(json).sort()).toEqual(
      ['createTimestamp', 'description', 'entityId', 'eventType', 'links', 'processStatusId', 'status'].sort(),
    )
    expect(structuredClone(process)).not.toHaveProperty('wait')
    expect(typeof process.wait).toBe('function')
    await process.wait()
  })

  it('rejects wait() with ProcessFailedError when bol cannot ship the item', async () => {
    const bol = clientFor(emulator)
    const process = await bol.shipments.create({ orderItems: [{ orderItemId: '999999999' }] })
    const error = await process.wait().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ProcessFailedError)
    expect(error).toMatchObject({
      code: 'PROCESS_FAILED',
      state: 'FAILURE',
      processId: process.processStatusId,
      errorMessage: 'Order item 999999999 does not exist.',
    })
  })

  it('does not send a shipment twice when its process fails', async () => {
    const bol = clientFor(emulator)
    const { orderItemId } = openItem(2)
    await (await bol.shipments.create({ orderItems: [{ orderItemId }] })).wait()
    const again = await bol.shipments.create({ orderItems: [{ orderItemId }] })
    await expect(again.wait()).rejects.toThrow(/already been shipped/)
    const posts = emulator.writes.filter((write) => JSON.stringify(write.body).includes(orderItemId))
    expect(posts.map((write) => write.processResult)).toEqual(['SUCCESS', 'FAILURE'])
  })

  it('lists, iterates and reads shipments, newest first', async () => {
    const bol = clientFor(emulator)
    const page = await bol.shipments.list({ fulfilmentMethod: 'FBR' })
    const expected = [...emulator.state.shipments.values()].reverse().map((shipment) => shipment.shipmentId)
    expect(page.shipments.map((shipment) => shipment.shipmentId)).toEqual(expected)
    const all = []
    for await (const shipment of bol.shipments.iterate()) all.push(shipment.shipmentId)
    expect(all).toEqual(expected)
    const orderId = [...emulator.state.shipments.values()].at(-1)?.orderId ?? ''
    const byOrder = await bol.shipments.list({ orderId })
    expect(emulator.requests.at(-1)?.query).toEqual({ 'order-id': orderId })
    const shipment = await bol.shipments.get(byOrder.shipments[0]?.shipmentId ?? '')
    expect(shipment.order.orderId).toBe(orderId)
    expect(shipment.shipmentItems[0]?.quantity).toBeGreaterThan(0)
    await expect(bol.shipments.get('0').catch((error: unknown) => isNotFoundError(error))).resolves.toBe(true)
  })
})
