// The fault matrix for the Convictional client: 2,000 mixed operations, from a seller client and a buyer client,
// against the Convictional emulator with 10% 5xx, 2% connection resets (half before, half after the write lands)
// and 0–200 ms latency. Convictional authenticates with API keys: no token endpoint to take down, no token to
// expire. Afterwards: no unhandled rejection, every failure a typed B2bkitError, no order or product reported
// created that the emulator does not hold, no order created twice (a repeat is found by its buyerReference), no
// product create sent twice, and neither key in any error, log line or event.
import { type ConvictionalClientOptions, createConvictionalClient, type Order } from '@b2bkit/convictional'
import { type FaultOptions, startConvictionalEmulator } from '@b2bkit/emulator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { injected, repeatedWrites, secretSightings, summary, untypedFailures } from './fault-matrix/checks.js'
import { type MatrixResult, type Operation, pick, runMatrix, seededRandom } from './fault-matrix/harness.js'
import { plantSecret } from './support/secrets.js'

const operations = 2_000
const faults: FaultOptions = { errorRate: 0.1, resetRate: 0.02, latencyMs: [0, 200], timing: 'random' }
// Convictional allows 5 a second per key in fixed buckets; the run allows 400, and tells the clients so.
const limit = { limit: 400, intervalMs: 1_000 }

describe('fault matrix: Convictional', () => {
  const sellerApiKey = plantSecret('convictional-seller-')
  const buyerApiKey = plantSecret('convictional-buyer-')
  const events: string[] = []
  let emulator: Awaited<ReturnType<typeof startConvictionalEmulator>>
  let result: MatrixResult

  beforeAll(async () => {
    emulator = await startConvictionalEmulator({
      seed: 13,
      rateLimits: { rules: [{ path: '/**', ...limit, window: 'fixed' }], includeDefaults: false },
      convictional: { products: 20, orders: 10, credentials: { sellerApiKey, buyerApiKey } },
    })
    const common: Omit<ConvictionalClientOptions, 'apiKey'> = {
      baseUrl: emulator.url,
      rateLimit: { defaultRule: limit, logger: { warn: (message) => events.push(`rate-limit: ${message}`) } },
      onDeprecation: (notice) => events.push(JSON.stringify(notice)),
    }
    // The emulator serves the Seller API under /seller, and the partner list per role.
    const seller = createConvictionalClient({
      ...common,
      apiKey: sellerApiKey,
      paths: { seller: 'seller', shared: 'seller' },
    })
    const buyer = createConvictionalClient({
      ...common,
      apiKey: buyerApiKey,
      paths: { seller: 'seller', shared: 'buyer' },
    })
    const productIds = [...emulator.state.products.keys()]
    const variantIds = [...emulator.state.products.values()].flatMap((product) =>
      product.variants.map((variant) => variant._id),
    )
    const random = seededRandom(13)
    const any = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
    let created = 0
    const operation = (): Operation =>
      pick<() => Operation>(random, [
        [
          15,
          () => ({ name: 'seller.products.list', write: false, run: () => seller.seller.products.list({ limit: 10 }) }),
        ],
        [
          15,
          () => ({ name: 'seller.products.get', write: false, run: () => seller.seller.products.get(any(productIds)) }),
        ],
        [
          15,
          () => ({ name: 'buyer.products.list', write: false, run: () => buyer.buyer.products.list({ limit: 10 }) }),
        ],
        [10, () => ({ name: 'partners.list', write: false, run: () => seller.partners.list() })],
        [
          30,
          () => {
            const buyerReference = `MATRIX-PO-${++created}`
            const items = [{ variantId: any(variantIds), quantity: 1 + Math.floor(random() * 3) }]
            const address = {
              name: 'Ada Buyer',
              addressOne: '1 Main St',
              city: 'Amsterdam',
              country: 'NL',
              zip: '1011AA',
            }
            return {
              name: 'buyer.orders.create',
              write: true,
              run: () => buyer.buyer.orders.create({ address, items, buyerReference }, { ifExists: 'return' }),
            }
          },
        ],
        [
          15,
          () => {
            const title = `Matrix product ${++created}`
            const variants = [{ sku: `MATRIX-SKU-${created}`, basePrice: 10 + (created % 50) }]
            return {
              name: 'seller.products.create',
              write: true,
              run: () => seller.seller.products.create({ title, variants }),
            }
          },
        ],
      ])()
    emulator.setFaults(faults)
    result = await runMatrix({ count: operations, concurrency: 48, operation })
    emulator.setFaults({})
    console.log(`convictional: ${summary(result)}`)
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

  it('reports no order or product created that the emulator does not hold, and holds no buyerReference twice', () => {
    const lost: string[] = []
    for (const outcome of result.outcomes) {
      if (!outcome.ok || !outcome.write) continue
      const { _id: id } = outcome.value as { _id: string }
      const held =
        outcome.name === 'buyer.orders.create' ? emulator.state.orders.get(id) : emulator.state.products.get(id)
      if (held === undefined) lost.push(`${outcome.name} ${id}`)
      else if (
        outcome.name === 'buyer.orders.create' &&
        (held as { buyerReference?: string }).buyerReference !== (outcome.value as Order).buyerReference
      ) {
        lost.push(`buyer.orders.create ${id}: another buyerReference`)
      }
    }
    expect(lost).toEqual([])
    const references = [...emulator.state.orders.values()].map((order) => order.buyerReference)
    expect(references.length - new Set(references).size).toBe(0)
  })

  it('creates no order twice, and never sends a product create again blindly', () => {
    expect(repeatedWrites(emulator.writes, (write) => write.path === '/buyer/orders')).toEqual([])
  })

  it('shows neither API key in any error, log line or event', () => {
    const secrets = new Map([
      ['seller key', sellerApiKey],
      ['buyer key', buyerApiKey],
    ])
    expect(secretSightings(result, secrets, events)).toEqual([])
  })
})
