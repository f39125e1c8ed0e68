import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('returns', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 41, bol: { returns: 3 } })
  })
  afterAll(() => emulator.stop())

  it('lists unhandled returns and iterates them all', async () => {
    const bol = clientFor(emulator)
    const page = await bol.returns.list({ handled: false, fulfilmentMethod: 'FBR' })
    expect(emulator.requests.at(-1)?.query).toEqual({ handled: 'false', 'fulfilment-method': 'FBR' })
    expect(page.returns.length).toBeGreaterThan(0)
    expect(page.returns.every((entry) => entry.returnItems.some((item) => !item.handled))).toBe(true)
    const all = []
    for await (const entry of bol.returns.iterate()) all.push(entry.returnId)
    expect(all).toEqual([...emulator.state.returns.keys()])
  })

  it('reads a return and handles its item through a process', async () => {
    const bol = clientFor(emulator)
    const [first] = emulator.state.returns.values()
    const entry = await bol.returns.get(first?.returnId ?? '')
    const rmaId = entry.returnItems[0]?.rmaId ?? ''
    expect(entry.returnItems[0]?.title).toBe(first?.items[0]?.title)
    const done = await (
      await bol.returns.handle(rmaId, { handlingResult: 'RETURN_RECEIVED', quantityReturned: 1 })
    ).wait()
    expect(done).toMatchObject({ status: 'SUCCESS', eventType: 'HANDLE_RETURN_ITEM', entityId: rmaId })
    expect(first?.items[0]?.handled).toBe(true)
    const put = emulator.requests.find((request) => request.method === 'PUT')
    expect(put).toMatchObject({ path: `/retailer/returns/${rmaId}`, status: 202 })
  })

  it('registers a return for a shipped item, sent as plain JSON as bol documents', async () => {
    const bol = clientFor(emulator)
    const shipped = [...emulator.state.orders.values()]
      .flatMap((order) => order.orderItems)
      .find((item) => item.quantityShipped > 0)
    const process = await bol.returns.create({
      orderItemId: shipped?.orderItemId ?? '',
      quantityReturned: 1,
      handlingResult: 'RETURN_RECEIVED',
    })
    const post = emulator.requests.find((request) => request.method === 'POST' && request.path === '/retailer/returns')
    expect(post?.headers['content-type']).toBe('application/json')
    const done = await process.wait()
    expect(done.eventType).toBe('CREATE_RETURN_ITEM')
    expect(emulator.state.returns.has(done.entityId ?? '')).toBe(true)
  })
})
