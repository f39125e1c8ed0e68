import { ProcessFailedError } from '@b2bkit/process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCalls, type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('processStatus', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 91, processDelayMs: 60, bol: { openOrders: 30 } })
  })
  afterAll(() => emulator.stop())

  const openItems = () =>
    [...emulator.state.orders.values()]
      .filter((order) =>
        order.orderItems.every((item) => item.quantityShipped === 0 && item.fulfilmentMethod === 'FBR'),
      )
      .map((order) => order.orderItems[0]?.orderItemId ?? '')

  it('reads one status, the statuses of an entity, and many in bulk', async () => {
    const bol = clientFor(emulator)
    const orderItemId = openItems()[0] ?? ''
    const started = await bol.shipments.create({ orderItems: [{ orderItemId }] })
    const id = started.processStatusId ?? ''
    const read = await bol.processStatus.get(id)
    expect(read).toMatchObject({ processStatusId: id, eventType: 'CREATE_SHIPMENT' })
    expect((await read.wait()).status).toBe('SUCCESS')
    const byEntity = await bol.processStatus.byEntity({ entityId: orderItemId, eventType: 'CREATE_SHIPMENT' })
    expect(byEntity.processStatuses.map((status) => status.processStatusId)).toEqual([id])
    expect(emulator.requests.at(-1)?.query).toEqual({ 'entity-id': orderItemId, 'event-type': 'CREATE_SHIPMENT' })
    const many = await bol.processStatus.getMany([id, 'unknown'])
    expect(many.map((status) => status.status)).toEqual(['SUCCESS'])
  })

  it('waits for one process by id and throws ProcessFailedError for a failed one', async () => {
    const bol = clientFor(emulator)
    const failing = await bol.shipments.create({ orderItems: [{ orderItemId: '123' }] })
    await expect(bol.processStatus.wait(failing.processStatusId ?? '')).rejects.toBeInstanceOf(ProcessFailedError)
  })

  it('waits for twenty processes through bulk status calls instead of polling each one', async () => {
    const bol = clientFor(emulator)
    const ids = []
    for (const orderItemId of openItems().slice(0, 20)) {
      ids.push((await bol.shipments.create({ orderItems: [{ orderItemId }] })).processStatusId ?? '')
    }
    emulator.clearLogs()
    const done = await bol.processStatus.waitMany(ids)
    expect(done.map((status) => status.processStatusId)).toEqual(ids)
    expect(done.every((status) => status.status === 'SUCCESS' && status.entityId !== undefined)).toBe(true)
    const calls = apiCalls(emulator)
    expect(calls.every((call) => call === 'POST /shared/process-status')).toBe(true)
    expect(calls.length).toBeLessThan(10)
    expect(JSON.parse(emulator.requests[0]?.body ?? '{}').processStatusQueries).toHaveLength(20)
  })

  it('rejects waitMany with the failure of a process that failed', async () => {
    const bol = clientFor(emulator)
    const good = await bol.shipments.create({ orderItems: [{ orderItemId: openItems()[0] ?? '' }] })
    const bad = await bol.shipments.create({ orderItems: [{ orderItemId: '456' }] })
    const error = await bol.processStatus
      .waitMany([good.processStatusId ?? '', bad.processStatusId ?? ''])
      .catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'PROCESS_FAILED', processId: bad.processStatusId })
  })
})
