import { isBadRequestError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from '../internal/test-support.js'

describe('commissions', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 61 })
  })
  afterAll(() => emulator.stop())

  it('reads the commission of one EAN at a price', async () => {
    const bol = clientFor(emulator)
    const commission = await bol.commissions.get('8712345678906', { unitPrice: 12.5, condition: 'GOOD' })
    expect(commission).toMatchObject({ ean: '8712345678906', condition: 'GOOD', unitPrice: 12.5, fixedAmount: 0.99 })
    expect(emulator.requests.at(-1)?.query).toEqual({ 'unit-price': '12.5', condition: 'GOOD' })
  })

  it('reads commissions in bulk and commission rates as a multi-status answer', async () => {
    const bol = clientFor(emulator)
    const bulk = await bol.commissions.getMany([
      { ean: '8712345678906', unitPrice: 3 },
      { ean: '8712345678913', unitPrice: 20, condition: 'AS_NEW' },
    ])
    expect(bulk.commissions.map((commission) => commission.unitPrice)).toEqual([3, 20])
    const rates = await bol.commissions.rates(['8712345678906', '1'])
    expect(rates.successfulQueries.map((query) => query.index)).toEqual([0])
    expect(rates.failedQueries[0]).toMatchObject({ index: 1, status: 404 })
    expect(JSON.parse(emulator.requests.at(-1)?.body ?? '{}')).toEqual({
      products: [{ ean: '8712345678906' }, { ean: '1' }],
    })
  })

  it('turns bol’s violations of a bad query into a BadRequestError', async () => {
    const bol = clientFor(emulator)
    const error = await bol.commissions.getMany([]).catch((caught: unknown) => caught)
    expect(isBadRequestError(error)).toBe(true)
    expect(error).toMatchObject({ status: 400, violations: [{ name: 'commissionQueries' }] })
  })
})
