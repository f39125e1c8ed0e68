import { getRequestId } from '@b2bkit/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('invoices and inventory', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 51 })
  })
  afterAll(() => emulator.stop())

  it('lists the invoices of a period and reads one as JSON and as PDF', async () => {
    const bol = clientFor(emulator)
    const list = await bol.invoices.list({ periodStartDate: '2020-01-01', periodEndDate: '2099-12-31' })
    expect(emulator.requests.at(-1)?.query).toEqual({
      'period-start-date': '2020-01-01',
      'period-end-date': '2099-12-31',
    })
    expect(list.invoiceListItems.map((item) => item.invoiceId)).toEqual([...emulator.state.invoices.keys()])
    const invoiceId = list.invoiceListItems[0]?.invoiceId ?? ''
    const invoice = await bol.invoices.get(invoiceId)
    expect(invoice.invoiceId).toBe(invoiceId)
    expect(getRequestId(invoice)).toBeDefined()
    const pdf = await bol.invoices.getPdf(invoiceId)
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-')
    expect(emulator.requests.at(-1)?.headers.accept).toBe('application/vnd.retailer.v10+pdf')
  })

  it('lists and iterates the inventory with its filters', async () => {
    const bol = clientFor(emulator)
    const page = await bol.inventory.list({ quantity: ['0-10', '30-40'], state: 'REGULAR' })
    const received = emulator.requests.at(-1)
    expect(received?.path).toBe('/retailer/inventory')
    expect(received?.query).toMatchObject({ state: 'REGULAR' })
    // Both ranges reached the server: it kept the items of either one.
    const low = emulator.state.inventory.filter((item) => item.regularStock <= 10)
    const high = emulator.state.inventory.filter((item) => item.regularStock >= 30)
    expect(low.length * high.length).toBeGreaterThan(0)
    const expected = emulator.state.inventory
      .filter((item) => low.includes(item) || high.includes(item))
      .map((item) => item.ean)
    expect(page.inventory.map((item) => item.ean)).toEqual(expected)
    const all = []
    for await (const item of bol.inventory.iterate()) all.push(item.ean)
    expect(all).toEqual(emulator.state.inventory.map((item) => item.ean))
  })
})
