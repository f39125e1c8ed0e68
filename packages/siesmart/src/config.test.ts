import { getRequestId } from '@b2bkit/http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SieSmartTestbed, startTestbed } from './internal/test-support.js'

let bed: SieSmartTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

describe('client.config', () => {
  it('lists offices, then the sales contacts of one office', async () => {
    const offices = await bed.client.config.offices.list()
    expect(offices.map((office) => office.id)).toEqual(['OFF-1', 'OFF-2', 'OFF-3', 'OFF-4'])
    const contacts = await bed.client.config.salesContacts.list('OFF-2')
    expect(contacts.length).toBeGreaterThan(0)
    expect(getRequestId(contacts)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(bed.emulator.requests.at(-1)).toMatchObject({
      path: '/siesmart/b2b/v1/config/sales-contacts',
      query: { officeId: 'OFF-2' },
    })
  })

  it('lists asset types and pricelists, per office when asked', async () => {
    const assets = await bed.client.config.assets.list()
    expect(assets.map((asset) => asset.id)).toContain('AST-IT')
    expect(bed.emulator.requests.at(-1)?.query).toEqual({})
    const pricelists = await bed.client.config.pricelists.list({ officeId: 'OFF-1' })
    expect(pricelists.map((pricelist) => pricelist.id)).toEqual(['PL-STD', 'PL-PROMO'])
    expect(bed.emulator.requests.at(-1)).toMatchObject({
      path: '/siesmart/b2b/v1/config/pricelists',
      query: { officeId: 'OFF-1' },
    })
  })
})
