// The fault matrix for the B2Brouter client: 2,000 mixed operations against the B2Brouter emulator with 10% 5xx,
// 2% connection resets (half before, half after the write lands) and 0–200 ms latency. B2Brouter authenticates
// with an API key, so there is no token endpoint to take down and no token to expire. Afterwards: no unhandled
// rejection, every failure a typed B2bkitError, no invoice or contact reported created that the emulator does not
// hold, no invoice created twice (a repeated create is found by its number), no contact create sent twice, and no
// API key in any error, log line or event.
import { createB2BRouterClient, type Invoice, type InvoiceInput } from '@b2bkit/b2brouter'
import { type FaultOptions, startB2BrouterEmulator } from '@b2bkit/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { injected, repeatedWrites, secretSightings, summary, untypedFailures } from './fault-matrix/checks.js'
import { type MatrixResult, type Operation, pick, runMatrix, seededRandom } from './fault-matrix/harness.js'
import { plantSecret } from './support/secrets.js'

const operations = 2_000
const faults: FaultOptions = { errorRate: 0.1, resetRate: 0.02, latencyMs: [0, 200], timing: 'random' }
// B2Brouter allows 600 a minute in staging; the run allows 400 a second, and tells the client so.
const limit = { limit: 400, intervalMs: 1_000 }

const invoiceInput = (number: string): InvoiceInput => ({
  number,
  contact: { name: 'Buyer BV' },
  invoice_lines_attributes: [
    { description: 'Widget', quantity: 2, price: 10, taxes_attributes: [{ name: 'VAT', category: 'S', percent: 21 }] },
  ],
})

describe('fault matrix: B2Brouter', () => {
  const apiKey = plantSecret('b2brouter-key-')
  const events: string[] = []
  let emulator: Awaited<ReturnType<typeof startB2BrouterEmulator>>
  let result: MatrixResult

  beforeAll(async () => {
    emulator = await startB2BrouterEmulator({
      seed: 12,
      rateLimits: { rules: [{ path: '/**', ...limit }], includeDefaults: false },
      b2brouter: { apiKeys: { staging: apiKey }, invoices: 20, contacts: 10 },
    })
    const client = createB2BRouterClient({
      apiKey,
      environment: 'staging',
      baseUrl: emulator.url,
      rateLimit: { defaultRule: limit, logger: { warn: (message) => events.push(`rate-limit: ${message}`) } },
      onDeprecation: (notice) => events.push(JSON.stringify(notice)),
    })
    const { accountId } = emulator.credentials
    const invoiceIds = [...emulator.state.invoices.keys()]
    const random = seededRandom(12)
    const any = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
    let created = 0
    const operation = (): Operation =>
      pick<() => Operation>(random, [
        [15, () => ({ name: 'accounts.get', write: false, run: () => client.accounts.get(accountId) })],
        [15, () => ({ name: 'invoices.get', write: false, run: () => client.invoices.get(any(invoiceIds)) })],
        [10, () => ({ name: 'invoices.list', write: false, run: () => client.invoices.list(accountId) })],
        [10, () => ({ name: 'contacts.list', write: false, run: () => client.contacts.list(accountId) })],
        [
          35,
          () => {
            const number = `MATRIX-${++created}`
            return {
              name: 'invoices.create',
              write: true,
              run: () => client.invoices.create(accountId, invoiceInput(number), { ifExists: 'return' }),
            }
          },
        ],
        [
          15,
          () => {
            const name = `Matrix contact ${++created}`
            return { name: 'contacts.create', write: true, run: () => client.contacts.create(accountId, { name }) }
          },
        ],
      ])()
    emulator.setFaults(faults)
    result = await runMatrix({ count: operations, concurrency: 48, operation })
    emulator.setFaults({})
    console.log(`b2brouter: ${summary(result)}`)
  }, 240_000)

  afterAll(() => emulator?.stop())

  it('ran with the faults on: 5xx and resets struck', () => {
    const struck = injected(emulator.requests)
    expect(struck.errors).toBeGreaterThan(100)
    expect(struck.resets).toBeGreaterThan(10)
  })

  it('leaves no rejection unhandled', () => {
    expect(result.unhandled.map(String)).toEqual([])
  })

  it('surfaces every failed operation as a typed B2bkitError', () => {
    expect(result.outcomes).toHaveLength(operations)
    expect(untypedFailures(result.outcomes)).toEqual([])
  })

  it('reports no invoice or contact created that the emulator does not hold, and holds no invoice number twice', () => {
    const lost: string[] = []
    for (const outcome of result.outcomes) {
      if (!outcome.ok || !outcome.write) continue
      const { id } = outcome.value as { id: number }
      const held =
        outcome.name === 'invoices.create' ? emulator.state.invoices.get(id) : emulator.state.contacts.get(id)
      if (held === undefined) lost.push(`${outcome.name} ${id}`)
      else if (
        outcome.name === 'invoices.create' &&
        (held as { number: string }).number !== (outcome.value as Invoice).number
      ) {
        lost.push(`invoices.create ${id}: another number`)
      }
    }
    expect(lost).toEqual([])
    const numbers = [...emulator.state.invoices.values()].map((invoice) => invoice.number)
    expect(numbers.length - new Set(numbers).size).toBe(0)
  })

  it('creates no invoice twice, and never sends a contact create again blindly', () => {
    const invoiceCreate = /^\/accounts\/\d+\/invoices$/
    expect(repeatedWrites(emulator.writes, (write) => invoiceCreate.test(write.path))).toEqual([])
  })

  it('shows the API key in no error, log line or event', () => {
    expect(secretSightings(result, new Map([['API key', apiKey]]), events)).toEqual([])
  })
})
