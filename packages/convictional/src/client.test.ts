import { ConfigurationError, getRequestId } from '@b2bkit/http'
import { isNotFoundError, isUnauthorizedError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConvictionalClient } from './client.js'
import { type ConvictionalTestbed, startTestbed } from './internal/test-support.js'

let bed: ConvictionalTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

describe('createConvictionalClient()', () => {
  it('names the option at fault and never repeats the key', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'apiKey'],
      [{ apiKey: '   ' }, 'apiKey'],
      [{ apiKey: 'secret-key\r\nX-Injected: 1' }, 'apiKey'],
      [{ apiKey: 'secret-key-1', paths: 'seller' }, 'paths'],
      [{ apiKey: 'secret-key-1', paths: { seller: '../admin?x' } }, 'paths.seller'],
      [{ apiKey: 'secret-key-1', rateLimit: 'fast' }, 'rateLimit'],
      [{ apiKey: 'secret-key-1', baseUrl: 'not a url' }, 'baseUrl'],
      [{ apiKey: 'secret-key-1', rateLimit: { defaultRule: { limit: 0, intervalMs: 1000 } } }, 'defaultRule.limit'],
    ]
    for (const [options, option] of cases) {
      let error: unknown
      try {
        createConvictionalClient(options as never)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(error).toMatchObject({ option })
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('secret-key')
    }
  })

  it('sends the raw key as Authorization, and X-Request-ID comes back on every result', async () => {
    bed.emulator.clearLogs()
    const page = await bed.seller.seller.products.list({ limit: 2 })
    const [received] = bed.emulator.requests
    // The emulator's log redacts the key; a 200 shows it was accepted as a seller key.
    expect(received).toMatchObject({ path: '/seller/products', status: 200 })
    expect(received?.headers.authorization).toBeDefined()
    expect(getRequestId(page)).toBe(received?.requestId)
    const product = await bed.seller.seller.products.get(page.data[0]?._id ?? '')
    expect(getRequestId(product)).toBe(bed.emulator.requests.at(-1)?.requestId)
  })

  it('turns an unknown key into an UnauthorizedError with the request id, without the key', async () => {
    const client = bed.clientWith({ apiKey: 'not-a-real-key-123' })
    const error = await client.seller.orders.list().catch((caught: unknown) => caught)
    expect(isUnauthorizedError(error)).toBe(true)
    expect(getRequestId(error)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('not-a-real-key-123')
  })

  it('turns a missing order into a NotFoundError carrying the message and request id', async () => {
    const error = await bed.seller.seller.orders.get('000000000000000000000000').catch((caught: unknown) => caught)
    expect(isNotFoundError(error)).toBe(true)
    expect(error).toMatchObject({ status: 404, detail: 'Order 000000000000000000000000 not found.' })
    expect(getRequestId(error)).toBe(bed.emulator.requests.at(-1)?.requestId)
  })

  it('counts requests in stats() and has a limiter with the 5-per-second rule', async () => {
    const client = bed.clientWith({ rateLimit: undefined })
    await client.partners.list()
    expect(client.stats()).toEqual({
      requests: 1,
      tooManyRequests: 0,
      retries: 0,
      tokenRequests: 0,
      throttled: 0,
      failuresWithoutResponse: 0,
    })
    expect(client.limiter?.ruleFor('GET', `${bed.emulator.url}/seller/orders`)).toBe('convictional')
    expect(createConvictionalClient({ apiKey: 'k', rateLimit: false }).limiter).toBeUndefined()
  })
})
