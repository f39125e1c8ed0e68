import { inspect } from 'node:util'
import { memoryTokenStore } from '@b2bkit/auth'
import { isB2bkitError } from '@b2bkit/http'
import { isServerError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBolClient } from './bol-client.js'
import type { BolClientOptions } from './bol-client-options.js'
import { apiCalls, type BolEmulator, clientFor, startBol } from './internal/test-support.js'

const secret = 'super-secret-value-7f3a'
const base: BolClientOptions = { clientId: 'client', clientSecret: secret, environment: 'production' }

const configurationError = (options: unknown) => {
  try {
    createBolClient(options as BolClientOptions)
  } catch (error) {
    return error as { code: string; option: string; message: string }
  }
  throw new Error('createBolClient accepted the options')
}

describe('createBolClient options', () => {
  it('names the wrong option in a ConfigurationError, and never echoes the secret', () => {
    const cases: Array<[Partial<Record<keyof BolClientOptions, unknown>>, string]> = [
      [{ clientId: '' }, 'clientId'],
      [{ clientSecret: undefined }, 'clientSecret'],
      [{ environment: 'staging' }, 'environment'],
      [{ baseUrl: 'not a url' }, 'baseUrl'],
      [{ tokenUrl: `ftp://user:${secret}@login.example/token` }, 'tokenUrl'],
      [{ fetch: 'fetch' }, 'fetch'],
      [{ tokenStore: {} }, 'tokenStore'],
      [{ rateLimit: 'fast' }, 'rateLimit'],
      [{ rateLimit: [{ path: '/retailer/orders', limit: 0, intervalMs: 1000 }] }, 'rateLimit[0].limit'],
      [{ rateLimit: { rules: [{ path: 'retailer', limit: 1, intervalMs: 1000 }] } }, 'rateLimit.rules[0].path'],
      [{ rateLimit: { maxQueued: -1 } }, 'rateLimit.maxQueued'],
      [{ processPolling: { intervalMs: 0 } }, 'processPolling.intervalMs'],
      [{ timeout: -5 }, 'timeout'],
    ]
    for (const [change, option] of cases) {
      const error = configurationError({ ...base, ...change })
      expect({ option: error.option, code: error.code }).toEqual({ option, code: 'CONFIGURATION' })
      expect(error.message).toContain(`"${option}"`)
      expect(`${error.message} ${JSON.stringify(error)} ${inspect(error)}`).not.toContain(secret)
    }
    expect(configurationError(undefined).option).toBe('options')
  })

  it('applies bol’s documented rate limits by default, the most specific rule winning', () => {
    const bol = createBolClient(base)
    const rule = (method: string, path: string) => bol.limiter?.ruleFor(method, `https://api.bol.com${path}`)
    expect(rule('GET', '/retailer/orders')).toBe('GET /retailer/orders')
    expect(rule('GET', '/retailer/orders/1043946570')).toBe('GET /retailer/orders/*')
    expect(rule('PUT', '/retailer/orders/cancellation')).toBe('PUT /retailer/orders/cancellation')
    expect(rule('PUT', '/retailer/offers/abc/price')).toBe('PUT /retailer/offers/*/price')
    expect(rule('PUT', '/retailer/offers/abc')).toBe('PUT /retailer/offers/*')
    expect(createBolClient({ ...base, rateLimit: false }).limiter).toBeUndefined()
  })

  it('moves the rules under the demo paths and under a base URL with a path', () => {
    const demo = createBolClient({ ...base, environment: 'demo', baseUrl: 'https://gateway.example/bol' })
    expect(demo.limiter?.ruleFor('GET', 'https://gateway.example/bol/retailer-demo/orders')).toBe(
      'GET /bol/retailer-demo/orders',
    )
    expect(demo.limiter?.ruleFor('GET', 'https://gateway.example/bol/retailer/orders')).not.toBe('GET /retailer/orders')
  })
})

describe('createBolClient against the emulator', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 101 })
  })
  afterAll(() => emulator.stop())

  it('shares one token between 25 calls that start together, fetched with Basic auth and a form body', async () => {
    const before = emulator.tokenRequestCount
    const bol = clientFor(emulator)
    const orderIds = [...emulator.state.orders.keys()].slice(0, 10)
    await Promise.all(Array.from({ length: 25 }, (_, index) => bol.orders.get(orderIds[index % 10] ?? '')))
    expect(emulator.tokenRequestCount - before).toBe(1)
    expect(bol.stats()).toEqual({
      requests: 25,
      tooManyRequests: 0,
      retries: 0,
      tokenRequests: 1,
      throttled: 0,
      failuresWithoutResponse: 0,
    })
    const tokenRequest = emulator.requests.findLast((request) => request.path === '/token')
    expect(tokenRequest?.headers.authorization).toBe('Basic [REDACTED]')
    expect(tokenRequest?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(tokenRequest?.body).toContain('grant_type=client_credentials')
  })

  it('lets two clients share one token through a token store', async () => {
    const before = emulator.tokenRequestCount
    const tokenStore = memoryTokenStore()
    const first = clientFor(emulator, { tokenStore })
    const second = clientFor(emulator, { tokenStore })
    await first.subscriptions.list()
    await second.subscriptions.list()
    expect(emulator.tokenRequestCount - before).toBe(1)
  })

  it('talks to /retailer-demo/ and /shared-demo/ in the demo environment', async () => {
    emulator.clearLogs()
    const bol = clientFor(emulator, { environment: 'demo' })
    const orders = await bol.orders.list()
    const item = orders.orders.find((order) => order.orderItems.every((entry) => entry.quantityShipped === 0))
    await (await bol.shipments.create({ orderItems: [{ orderItemId: item?.orderItems[0]?.orderItemId ?? '' }] })).wait()
    const calls = apiCalls(emulator)
    expect(calls.slice(0, 3)).toEqual([
      'GET /retailer-demo/orders',
      'POST /retailer-demo/shipments',
      expect.stringMatching(/^GET \/shared-demo\/process-status\//),
    ])
    expect(calls.every((call) => /^\w+ \/(retailer|shared)-demo\//.test(call))).toBe(true)
  })

  it('sends the user agent, and bol’s media type on calls made through client.http', async () => {
    const bol = clientFor(emulator, { userAgent: 'my-shop/2.3' })
    const body = await bol.http.get('retailer/subscriptions').json<{ subscriptions: unknown[] }>()
    expect(body.subscriptions).toBeInstanceOf(Array)
    const received = emulator.requests.at(-1)
    expect(received?.headers.accept).toBe('application/vnd.retailer.v10+json')
    expect(received?.headers['user-agent']).toMatch(/^b2bkit\/\S+ my-shop\/2\.3$/)
  })

  it('passes maxResponseBytes on: a body longer than the bound fails with ResponseTooLargeError', async () => {
    const bounded = clientFor(emulator, { maxResponseBytes: 64 })
    const error = await bounded.orders.list({}).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', maxBytes: 64 })
    const page = await clientFor(emulator, { maxResponseBytes: false }).orders.list({})
    expect(page.orders.length).toBeGreaterThan(0)
  })

  it('retries a read-only bulk POST after a 503, and never a write', async () => {
    const bol = clientFor(emulator, { retry: { limit: 2, delay: () => 5 } })
    await bol.subscriptions.list() // the token, before the faults strike the token endpoint too
    emulator.clearLogs()
    emulator.setFaults({ errorRate: 1, errorStatuses: [503] })
    try {
      const bulk = await bol.commissions
        .getMany([{ ean: '8712345678906', unitPrice: 3 }])
        .catch((error: unknown) => error)
      const write = await bol.shipments.create({ orderItems: [{ orderItemId: '1' }] }).catch((error: unknown) => error)
      expect(isServerError(bulk) && isServerError(write)).toBe(true)
    } finally {
      emulator.setFaults({})
    }
    expect(apiCalls(emulator)).toEqual([...Array(3).fill('POST /retailer/commission'), 'POST /retailer/shipments'])
    expect(emulator.writes.filter((write) => write.path === '/retailer/shipments')).toHaveLength(1)
  })

  it('retries a read-only bulk POST after a reset connection, and never a write', async () => {
    const bol = clientFor(emulator, { retry: { limit: 2, delay: () => 5 } })
    await bol.subscriptions.list()
    emulator.clearLogs()
    emulator.setFaults({ resetRate: 1 })
    try {
      const bulk = await bol.processStatus.getMany(['1']).catch((error: unknown) => error)
      const write = await bol.returns
        .create({ orderItemId: '1', quantityReturned: 1, handlingResult: 'RETURN_RECEIVED' })
        .catch((error: unknown) => error)
      expect([bulk, write].map((error) => isB2bkitError(error) && error.code)).toEqual(['NETWORK', 'NETWORK'])
    } finally {
      emulator.setFaults({})
    }
    expect(apiCalls(emulator)).toEqual([...Array(3).fill('POST /shared/process-status'), 'POST /retailer/returns'])
  })

  it('gives up a call aborted while it waits for a rate-limit slot, without sending it', async () => {
    const rule = { method: 'GET', path: '/retailer/subscriptions', limit: 1, intervalMs: 10_000 }
    // Not adaptive: the emulator's headers announce its own, larger budget, which would replace this rule.
    const bol = clientFor(emulator, { rateLimit: { rules: [rule], adaptive: false } })
    await bol.subscriptions.list()
    emulator.clearLogs()
    const error = await bol.subscriptions.list({ signal: AbortSignal.timeout(50) }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'TimeoutError' })
    expect(apiCalls(emulator)).toEqual([])
    expect(bol.stats().throttled).toBe(0)
  })

  it('keeps the secret and the token out of a refused token request’s error', async () => {
    const bol = clientFor(emulator, { clientSecret: secret })
    const error = await bol.orders.list().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'AUTH_REJECTED', status: 401 })
    expect(`${String(error)} ${JSON.stringify(error)} ${inspect(error, { depth: 5 })}`).not.toContain(secret)
    expect(apiCalls(emulator).filter((call) => call.includes('/retailer/orders'))).toHaveLength(0)
  })
})
