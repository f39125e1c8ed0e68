import { ConfigurationError, getRequestId } from '@b2bkit/http'
import { isNotFoundError, isProblemError, isUnauthorizedError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createB2BRouterClient, defaultApiVersion } from './client.js'
import { type B2BRouterTestbed, startTestbed } from './internal/test-support.js'

let bed: B2BRouterTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

describe('createB2BRouterClient()', () => {
  it('names the option at fault and never repeats the key', () => {
    const attempt = (options: Record<string, unknown>) => {
      try {
        createB2BRouterClient(options as never)
      } catch (error) {
        return error
      }
      return undefined
    }
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ environment: 'staging' }, 'apiKey'],
      [{ apiKey: 'secret-key-1', environment: 'sandbox' }, 'environment'],
      [{ apiKey: 'secret-key-1', environment: 'staging', apiVersion: 'latest' }, 'apiVersion'],
      [{ apiKey: 'secret-key-1', environment: 'staging', rateLimit: 5 }, 'rateLimit'],
      [{ apiKey: 'secret-key-1', environment: 'staging', baseUrl: 'ftp://example.test' }, 'baseUrl'],
      [{ apiKey: 'secret key\n1', environment: 'staging' }, 'apiKey'],
    ]
    for (const [options, option] of cases) {
      const error = attempt(options)
      expect(error).toBeInstanceOf(ConfigurationError)
      expect((error as ConfigurationError).option).toBe(option)
      expect(JSON.stringify((error as ConfigurationError).toJSON())).not.toContain('secret')
      expect((error as Error).message).not.toContain('secret')
    }
  })

  it('sends the API key, the pinned API version and JSON accept on every request', async () => {
    bed.emulator.clearLogs()
    await bed.client.accounts.list()
    const [received] = bed.emulator.requests
    expect(received?.headers['x-b2b-api-version']).toBe(defaultApiVersion)
    expect(received?.headers.accept).toBe('application/json')
    // The emulator's log redacts the key; it was there, or the call would have been a 401.
    expect(received?.headers['x-b2b-api-key']).toBeDefined()
    expect(received?.status).toBe(200)
  })

  it('sends another API version when asked', async () => {
    bed.emulator.clearLogs()
    await bed.clientWith({ apiVersion: '2025-10-13' }).accounts.list()
    expect(bed.emulator.requests[0]?.headers['x-b2b-api-version']).toBe('2025-10-13')
  })

  it("turns a refused key into an UnauthorizedError that keeps B2Brouter's code and request id, without the key", async () => {
    const client = bed.clientWith({ apiKey: bed.emulator.credentials.productionApiKey })
    const error = await client.accounts.list().catch((caught: unknown) => caught)
    expect(isUnauthorizedError(error)).toBe(true)
    if (!isProblemError(error)) throw error
    expect(error.providerCode).toBe('unauthorized')
    expect(error.detail).toContain('production API key')
    expect(error.requestId).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(JSON.stringify(error)).not.toContain(bed.emulator.credentials.productionApiKey)
    expect(error.message).not.toContain(bed.emulator.credentials.productionApiKey)
  })

  it('puts the request id on results and on errors', async () => {
    const account = await bed.client.accounts.get(bed.accountId)
    expect(getRequestId(account)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(JSON.stringify(account)).not.toContain('requestId')
    const missing = await bed.client.accounts.get(999_999).catch((caught: unknown) => caught)
    expect(isNotFoundError(missing)).toBe(true)
    expect(getRequestId(missing)).toBe(bed.emulator.requests.at(-1)?.requestId)
  })

  it('reports requests, 429s, retries, waiting requests and token requests in stats()', async () => {
    const client = bed.clientWith({})
    expect(client.stats()).toEqual({
      requests: 0,
      tooManyRequests: 0,
      retries: 0,
      tokenRequests: 0,
      throttled: 0,
      failuresWithoutResponse: 0,
    })
    await client.accounts.list()
    await client.accounts.get(1).catch(() => undefined)
    expect(client.stats()).toMatchObject({ requests: 2, tooManyRequests: 0, tokenRequests: 0, throttled: 0 })
    expect(client.limiter?.ruleFor('GET', `${bed.emulator.url}/accounts`)).toBe('b2brouter-staging')
  })

  it("uses the environment's base URL and limit, and runs without a limiter when rateLimit is false", () => {
    const production = createB2BRouterClient({ apiKey: 'k', environment: 'production' })
    expect(production.limiter?.ruleFor('GET', 'https://api.b2brouter.net/accounts')).toBe('b2brouter-production')
    const unlimited = createB2BRouterClient({ apiKey: 'k', environment: 'staging', rateLimit: false })
    expect(unlimited.limiter).toBeUndefined()
  })
})
