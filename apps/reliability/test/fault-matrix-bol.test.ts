// The fault matrix for the bol.com client: 2,000 mixed operations against the bol emulator with 10% 5xx, 2%
// connection resets (half before, half after the write lands), 0–200 ms latency, tokens refused 4 s after issue,
// a 10 s token-endpoint outage mid-run and every token expired once more. Afterwards: no unhandled rejection,
// every failure a typed B2bkitError, no write reported done that the emulator did not apply, no shipment (a
// non-idempotent POST) sent twice, and no planted or observed secret in any error, log line or event.
import { type BolProcess, type BolProcessStatus, createBolClient } from '@b2bkit/bol'
import { type FaultOptions, startBolEmulator } from '@b2bkit/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { injected, repeatedWrites, secretSightings, summary, untypedFailures } from './fault-matrix/checks.js'
import { type MatrixResult, type Operation, pick, runMatrix, seededRandom } from './fault-matrix/harness.js'
import { tokenRecordingFetch } from './fault-matrix/secrets-seen.js'
import { plantSecret } from './support/secrets.js'

const operations = 2_000
const faults: FaultOptions = {
  errorRate: 0.1,
  resetRate: 0.02,
  latencyMs: [0, 200],
  timing: 'random',
  tokenLifetimeMs: 4_000,
}
// Limits for the run: bol's shape (per route family), sized so 2,000 operations take seconds, not minutes. The
// client is told the same numbers, as an application is told bol's.
const limit = { limit: 400, intervalMs: 1_000 }
const serverRules = [
  { path: '/retailer/**', ...limit },
  { path: '/shared/**', ...limit },
]

describe('fault matrix: bol.com', () => {
  const clientSecret = plantSecret('bol-client-secret-')
  const events: string[] = []
  const recording = tokenRecordingFetch()
  let emulator: Awaited<ReturnType<typeof startBolEmulator>>
  let result: MatrixResult

  beforeAll(async () => {
    emulator = await startBolEmulator({
      seed: 11,
      processDelayMs: 100,
      rateLimits: { rules: serverRules, includeDefaults: false },
      bol: { openOrders: 400, offers: 20, credentials: { clientSecret } },
    })
    const bol = createBolClient({
      clientId: emulator.credentials.clientId,
      clientSecret,
      environment: 'production',
      baseUrl: emulator.url,
      tokenUrl: emulator.tokenUrl,
      fetch: recording.fetch,
      rateLimit: { rules: serverRules, logger: { warn: (message) => events.push(`rate-limit: ${message}`) } },
      processPolling: { intervalMs: 50, maxIntervalMs: 200, timeoutMs: 30_000 },
      onTokenRequest: (event) => events.push(JSON.stringify(event)),
      onDeprecation: (notice) => events.push(JSON.stringify(notice)),
    })
    const orderItems = [...emulator.state.orders.values()]
      .filter((order) =>
        order.orderItems.every((item) => item.fulfilmentMethod === 'FBR' && item.quantityShipped === 0),
      )
      .map((order) => order.orderItems[0]?.orderItemId as string)
    const orderIds = [...emulator.state.orders.keys()]
    const offerIds = [...emulator.state.offers.keys()]
    const random = seededRandom(11)
    const any = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
    let shipments = 0
    const operation = (): Operation =>
      pick<() => Operation>(random, [
        [25, () => ({ name: 'orders.get', write: false, run: () => bol.orders.get(any(orderIds)) })],
        [
          10,
          () => ({
            name: 'orders.list',
            write: false,
            run: () => bol.orders.list({ page: 1 + Math.floor(random() * 3) }),
          }),
        ],
        [15, () => ({ name: 'offers.get', write: false, run: () => bol.offers.get(any(offerIds)) })],
        [
          20,
          () => {
            const offerId = any(offerIds)
            const amount = Math.floor(random() * 100)
            return {
              name: 'offers.updateStock',
              write: true,
              run: () => bol.offers.updateStock(offerId, { amount, managedByRetailer: true }),
            }
          },
        ],
        [
          15,
          () => {
            const orderItemId = orderItems[shipments++ % orderItems.length] as string
            const wait = random() < 0.5
            const create = () =>
              bol.shipments.create({ orderItems: [{ orderItemId }], shipmentReference: `matrix-${orderItemId}` })
            return wait
              ? {
                  name: 'shipments.create+wait',
                  write: true,
                  run: async () => {
                    const created = await create()
                    return { created, done: await created.wait() }
                  },
                }
              : { name: 'shipments.create', write: true, run: create }
          },
        ],
        [10, () => ({ name: 'shipments.list', write: false, run: () => bol.shipments.list({ page: 1 }) })],
        [5, () => ({ name: 'returns.list', write: false, run: () => bol.returns.list() })],
      ])()
    emulator.setFaults(faults)
    result = await runMatrix({
      count: operations,
      concurrency: 48,
      operation,
      events: [
        { afterStarted: 400, run: () => emulator.setFaults({ ...faults, tokenOutage: { durationMs: 10_000 } }) },
        { afterStarted: 1_200, run: () => emulator.expireTokens() },
      ],
    })
    emulator.setFaults({})
    console.log(`bol: ${summary(result)}`)
  }, 240_000)

  afterAll(() => emulator?.stop())

  it('ran with the faults on: 5xx, resets, the token outage and refused tokens all struck', () => {
    const struck = injected(emulator.requests)
    expect(struck.errors).toBeGreaterThan(100)
    expect(struck.resets).toBeGreaterThan(10)
    expect(struck.tokenOutage).toBeGreaterThan(0)
    expect(struck.unauthorized).toBeGreaterThan(0)
  })

  it('leaves no rejection unhandled', () => {
    expect(result.unhandled.map(String)).toEqual([])
  })

  it('surfaces every failed operation as a typed B2bkitError', () => {
    expect(result.outcomes).toHaveLength(operations)
    expect(untypedFailures(result.outcomes)).toEqual([])
  })

  it('reports no write done that the emulator did not apply', () => {
    const applied = new Map(
      emulator.writes.filter((write) => write.applied).map((write) => [write.processStatusId, write]),
    )
    const lost: string[] = []
    for (const outcome of result.outcomes) {
      if (!outcome.ok || !outcome.write) continue
      const value = outcome.value as BolProcess | { created: BolProcess; done: BolProcessStatus }
      const process = 'created' in value ? value.created : value
      const write = applied.get(process.processStatusId)
      if (write === undefined) lost.push(`${outcome.name} ${process.processStatusId}: no applied write`)
      else if ('done' in value && write.processResult !== 'SUCCESS')
        lost.push(`${outcome.name} ${process.processStatusId}: ${write.processResult}`)
    }
    expect(lost).toEqual([])
  })

  it('never sends a shipment twice, and applies no write twice', () => {
    expect(repeatedWrites(emulator.writes, () => false)).toEqual([])
  })

  it('shows no client secret or token in any error, log line or event', () => {
    const secrets = new Map([
      ['client secret', clientSecret],
      ...[...recording.tokens].map((token, index): [string, string] => [`token ${index}`, token]),
    ])
    expect(recording.tokens.size).toBeGreaterThan(1)
    expect(secretSightings(result, secrets, events)).toEqual([])
  })
})
