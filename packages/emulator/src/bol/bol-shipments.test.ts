import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken, waitForProcess } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

describe('bol shipments and process statuses', () => {
  let emulator: Emulator<BolState, BolCredentials>
  let request: ReturnType<typeof bolFetcher>
  const openItem = (index: number) => {
    const order = [...emulator.state.orders.values()][index]
    return { orderId: order?.orderId ?? '', orderItemId: order?.orderItems[0]?.orderItemId ?? '' }
  }

  beforeAll(async () => {
    emulator = await startBolEmulator({ processDelayMs: 50, rateLimits: false })
    request = bolFetcher(emulator, await bolToken(emulator))
  })
  afterAll(() => emulator.stop())

  it('accepts a shipment as a PENDING process that succeeds after the delay and creates the shipment', async () => {
    const { orderId, orderItemId } = openItem(0)
    const response = await request('/retailer/shipments', {
      method: 'POST',
      body: {
        orderItems: [{ orderItemId }],
        shipmentReference: 'REF-1',
        transport: { transporterCode: 'TNT', trackAndTrace: '3SABC' },
      },
    })
    expect(response.status).toBe(202)
    const pending = (await response.json()) as Record<string, string>
    expect(pending).toMatchObject({ status: 'PENDING', eventType: 'CREATE_SHIPMENT', entityId: orderItemId })
    const done = await waitForProcess(request, pending.processStatusId as string)
    expect(done).toMatchObject({ status: 'SUCCESS', entityId: orderItemId, links: [{ rel: 'self' }] })
    const shipments = (await (await request(`/retailer/shipments?order-id=${orderId}`)).json()) as {
      shipments: Array<{ shipmentId: string }>
    }
    expect(shipments.shipments).toHaveLength(1)
    const shipment = await (await request(`/retailer/shipments/${shipments.shipments[0]?.shipmentId}`)).json()
    expect(shipment).toMatchObject({ shipmentReference: 'REF-1', transport: { trackAndTrace: '3SABC' } })
    expect(emulator.writes.at(-1)).toMatchObject({ applied: true, processResult: 'SUCCESS', status: 202 })
  })

  it('ends in FAILURE with an error message for an unknown order item, changing nothing', async () => {
    const before = emulator.state.shipments.size
    const pending = (await (
      await request('/retailer/shipments', { method: 'POST', body: { orderItems: [{ orderItemId: '999' }] } })
    ).json()) as Record<string, string>
    const done = await waitForProcess(request, pending.processStatusId as string)
    expect(done).toMatchObject({ status: 'FAILURE', errorMessage: expect.stringContaining('999') })
    expect(emulator.state.shipments.size).toBe(before)
  })

  it('fails the second shipment of the same item, so a duplicate is visible in the process and the write log', async () => {
    const { orderItemId } = openItem(1)
    const body = { orderItems: [{ orderItemId }] }
    const first = (await (await request('/retailer/shipments', { method: 'POST', body })).json()) as Record<
      string,
      string
    >
    const second = (await (await request('/retailer/shipments', { method: 'POST', body })).json()) as Record<
      string,
      string
    >
    expect((await waitForProcess(request, first.processStatusId as string)).status).toBe('SUCCESS')
    expect((await waitForProcess(request, second.processStatusId as string)).status).toBe('FAILURE')
    const [earlier, later] = emulator.writes.slice(-2)
    expect(later?.duplicateOf).toBe(earlier?.writeId)
  })

  it('finds processes by entity and event type, and in bulk', async () => {
    const { orderItemId } = openItem(2)
    const pending = (await (
      await request('/retailer/shipments', { method: 'POST', body: { orderItems: [{ orderItemId }] } })
    ).json()) as Record<string, string>
    const byEntity = (await (
      await request(`/shared/process-status?entity-id=${orderItemId}&event-type=CREATE_SHIPMENT`)
    ).json()) as { processStatuses: Array<{ processStatusId: string }> }
    expect(byEntity.processStatuses.map((process) => process.processStatusId)).toEqual([pending.processStatusId])
    const bulk = (await (
      await request('/shared/process-status', {
        method: 'POST',
        body: { processStatusQueries: [{ processStatusId: pending.processStatusId }, { processStatusId: 'nope' }] },
      })
    ).json()) as { processStatuses: unknown[] }
    expect(bulk.processStatuses).toHaveLength(1)
    const tooMany = await request('/shared/process-status', {
      method: 'POST',
      body: { processStatusQueries: Array.from({ length: 1001 }, (_, index) => ({ processStatusId: String(index) })) },
    })
    expect(tooMany.status).toBe(400)
  })

  it('answers 400 with violations to a shipment without order items, and records no applied write', async () => {
    const response = await request('/retailer/shipments', { method: 'POST', body: { orderItems: [] } })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ violations: [{ name: 'orderItems' }] })
    expect(emulator.writes.at(-1)).toMatchObject({ applied: false, status: 400 })
  })

  it('cancels an open order item through a CANCEL_ORDER process', async () => {
    const { orderItemId } = openItem(3)
    const pending = (await (
      await request('/retailer/orders/cancellation', {
        method: 'PUT',
        body: { orderItems: [{ orderItemId, reasonCode: 'OUT_OF_STOCK' }] },
      })
    ).json()) as Record<string, string>
    expect((await waitForProcess(request, pending.processStatusId as string)).status).toBe('SUCCESS')
    const order = [...emulator.state.orders.values()][3]
    expect(order?.orderItems[0]?.quantityCancelled).toBeGreaterThan(0)
  })

  it('handles a return item and creates a return for a shipped item', async () => {
    const [existing] = emulator.state.returns.values()
    const rmaId = existing?.items[0]?.rmaId ?? ''
    const handled = (await (
      await request(`/retailer/returns/${rmaId}`, {
        method: 'PUT',
        body: { handlingResult: 'RETURN_RECEIVED', quantityReturned: 1 },
      })
    ).json()) as Record<string, string>
    expect((await waitForProcess(request, handled.processStatusId as string)).status).toBe('SUCCESS')
    const shipped = [...emulator.state.orders.values()].find((order) => order.orderItems[0]?.quantityShipped)
    const created = (await (
      await request('/retailer/returns', {
        method: 'POST',
        body: {
          orderItemId: shipped?.orderItems[0]?.orderItemId,
          quantityReturned: 1,
          handlingResult: 'RETURN_RECEIVED',
        },
        headers: { 'content-type': 'application/json' },
      })
    ).json()) as Record<string, string>
    const done = await waitForProcess(request, created.processStatusId as string)
    expect(done.status).toBe('SUCCESS')
    expect((await request(`/retailer/returns/${done.entityId}`)).status).toBe(200)
  })
})
