import { ConfigurationError, getRequestId } from '@b2bkit/http'
import { isNotFoundError } from '@b2bkit/problem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSieSmartClient, siesmartAudience } from './client.js'
import { type SieSmartTestbed, startTestbed } from './internal/test-support.js'

let bed: SieSmartTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

const valid = {
  clientId: 'client-1',
  clientSecret: 'secret-value-1',
  environment: 'test',
  baseUrl: 'https://api.example.test/siesmart/b2b',
}

describe('createSieSmartClient()', () => {
  it('names the option at fault and never repeats the secret', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, clientId: '' }, 'clientId'],
      [{ ...valid, clientSecret: undefined }, 'clientSecret'],
      [{ ...valid, environment: 'staging' }, 'environment'],
      [{ ...valid, baseUrl: undefined }, 'baseUrl'],
      [{ ...valid, baseUrl: 'mailto:ops@example.test' }, 'baseUrl'],
      [{ ...valid, audience: '' }, 'audience'],
      [{ ...valid, tokenUrl: 'http://auth.example.test/oauth/token' }, 'tokenUrl'],
      [{ ...valid, rateLimit: 100 }, 'rateLimit'],
    ]
    for (const [options, option] of cases) {
      let error: unknown
      try {
        createSieSmartClient(options as never)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(ConfigurationError)
      expect(error).toMatchObject({ option })
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('secret-value-1')
    }
  })

  it('asks the token endpoint Auth0-style with a JSON body and the audience, then sends the bearer token', async () => {
    bed.emulator.clearLogs()
    const client = bed.clientWith({})
    await client.config.offices.list()
    const [tokenRequest, apiRequest] = bed.emulator.requests
    expect(tokenRequest).toMatchObject({ method: 'POST', path: '/oauth/token', status: 200 })
    expect(tokenRequest?.headers['content-type']).toContain('application/json')
    expect(JSON.parse(String(tokenRequest?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: bed.emulator.credentials.clientId,
      audience: siesmartAudience,
      client_secret: '[REDACTED]',
    })
    expect(JSON.stringify(bed.emulator.requests)).not.toContain(bed.emulator.credentials.clientSecret)
    expect(apiRequest).toMatchObject({ path: '/siesmart/b2b/v1/config/offices', status: 200 })
    expect(apiRequest?.headers.authorization).toBeDefined()
    expect(client.stats()).toMatchObject({ requests: 1, tokenRequests: 1 })
  })

  it('puts X-B2B-TRACE-ID on every result and every error', async () => {
    const offices = await bed.client.config.offices.list()
    expect(getRequestId(offices)).toBe(bed.emulator.requests.at(-1)?.requestId)
    const missing = await bed.client.proposals.get('404404').catch((caught: unknown) => caught)
    expect(isNotFoundError(missing)).toBe(true)
    expect(getRequestId(missing)).toBe(bed.emulator.requests.at(-1)?.requestId)
    expect(missing).toMatchObject({ providerCode: 'NOT_FOUND', detail: 'Proposal 404404 not found.' })
  })

  it('fails a call with the AuthError when the credentials are refused, without the secret', async () => {
    const client = bed.clientWith({ clientSecret: 'wrong-secret-123' })
    const error = await client.config.offices.list().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'AuthError', code: 'AUTH_REJECTED', status: 401 })
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('wrong-secret-123')
    expect(bed.emulator.requests.at(-1)?.path).toBe('/oauth/token')
  })

  it('has a limiter with the 100-per-minute rule, or none when rateLimit is false', () => {
    const client = createSieSmartClient({ ...valid, environment: 'test' })
    expect(client.limiter?.ruleFor('GET', 'https://api.example.test/siesmart/b2b/v1/config/offices')).toBe('siesmart')
    expect(createSieSmartClient({ ...valid, environment: 'production', rateLimit: false }).limiter).toBeUndefined()
  })
})
