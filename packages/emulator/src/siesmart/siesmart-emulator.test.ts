import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { rawClient } from '../internal/raw-clients.js'
import { startSiesmartEmulator } from './siesmart-emulator.js'
import type { SiesmartState } from './siesmart-state.js'
import type { SiesmartCredentials } from './siesmart-token-endpoint.js'

const proposal = (reference: string) => ({
  introducerReference: reference,
  customer: { companyName: 'Acme Ltd', registrationNumber: '01234567' },
  assets: [{ description: '3 servers', cost: 42_000 }],
  termMonths: 36,
  pricelistId: 'PL-STD',
})

describe('SieSmart emulator', () => {
  let emulator: Emulator<SiesmartState, SiesmartCredentials>
  let token: string
  const request = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
  const tokenRequest = (body: Record<string, string>) =>
    fetch(emulator.tokenUrl as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    emulator = await startSiesmartEmulator({ rateLimits: false })
    const { clientId, clientSecret, audience } = emulator.credentials
    const response = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      audience,
    })
    token = ((await response.json()) as { access_token: string }).access_token
  })
  afterAll(() => emulator.stop())

  it('issues tokens Auth0 style for a JSON body with the audience, and refuses a wrong audience or secret', async () => {
    const { clientId, clientSecret } = emulator.credentials
    const wrongAudience = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      audience: 'https://other',
    })
    expect(wrongAudience.status).toBe(403)
    expect(await wrongAudience.json()).toMatchObject({ error: 'access_denied' })
    const wrongSecret = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'x',
      audience: emulator.credentials.audience,
    })
    expect(wrongSecret.status).toBe(401)
    expect(emulator.tokenRequestCount).toBe(3)
    expect(JSON.stringify(emulator.requests)).not.toContain(clientSecret)
  })

  it('creates a proposal with a date-time ETag, and reads it back with the same ETag or a 304', async () => {
    const created = await request('/v1/proposals/proposal', { method: 'POST', body: proposal('REF-1') })
    expect(created.status).toBe(201)
    const etag = created.headers.get('etag') ?? ''
    expect(Number.isNaN(Date.parse(etag))).toBe(false)
    const { proposalId } = (await created.json()) as { proposalId: string }
    const read = await request(`/v1/proposals/${proposalId}`)
    expect(read.headers.get('etag')).toBe(etag)
    expect((await request(`/v1/proposals/${proposalId}`, { headers: { 'if-none-match': etag } })).status).toBe(304)
  })

  it('requires If-Match on every change and answers 412 without it or when it is stale', async () => {
    const created = await request('/v1/proposals/proposal', { method: 'POST', body: proposal('REF-2') })
    const etag = created.headers.get('etag') ?? ''
    const { proposalId } = (await created.json()) as { proposalId: string }
    const path = `/v1/proposals/${proposalId}`
    const without = await request(path, { method: 'PUT', body: proposal('REF-2') })
    expect(without.status).toBe(412)
    expect(await without.json()).toMatchObject({ code: 'PRECONDITION_FAILED' })
    const updated = await request(path, {
      method: 'PATCH',
      body: { termMonths: 48 },
      headers: { 'if-match': `"${etag}"` },
    })
    expect(updated.status).toBe(200)
    const newEtag = updated.headers.get('etag') ?? ''
    expect(newEtag > etag).toBe(true)
    expect(
      (await request(path, { method: 'PUT', body: proposal('REF-2'), headers: { 'if-match': etag } })).status,
    ).toBe(412)
    expect((await request(path, { method: 'DELETE' })).status).toBe(412)
    expect((await request(path, { method: 'DELETE', headers: { 'if-match': newEtag } })).status).toBe(204)
    expect((await request(path)).status).toBe(404)
    expect(emulator.writes.filter((write) => write.path.endsWith(path)).map((write) => write.applied)).toEqual([
      false,
      true,
      false,
      false,
      true,
    ])
  })

  it('answers 409 with the existing id to a second create with the same introducer reference', async () => {
    const first = (await (
      await request('/v1/proposals/proposal', { method: 'POST', body: proposal('REF-3') })
    ).json()) as { proposalId: string }
    const again = await request('/v1/proposals/proposal', { method: 'POST', body: proposal('REF-3') })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ proposalId: first.proposalId })
  })

  it('rejects a proposal without customer or assets with 400', async () => {
    const response = await request('/v1/proposals/proposal', { method: 'POST', body: { introducerReference: 'x' } })
    expect(response.status).toBe(400)
  })

  it('serves the config lists and returns X-B2B-TRACE-ID on every response', async () => {
    for (const name of ['offices', 'sales-contacts', 'assets', 'pricelists']) {
      const response = await request(`/v1/config/${name}`, { headers: { 'x-b2b-trace-id': `trace-${name}` } })
      expect(response.status).toBe(200)
      expect(((await response.json()) as unknown[]).length).toBeGreaterThan(0)
      expect(response.headers.get('x-b2b-trace-id')).toBe(`trace-${name}`)
    }
    const unauthorized = await fetch(`${emulator.url}/v1/config/offices`)
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.headers.get('x-b2b-trace-id')).toBeTruthy()
  })

  it('limits to 100 requests per minute by default', async () => {
    const limited = await startSiesmartEmulator()
    const client = rawClient('siesmart', limited)
    await client.authenticate()
    const statuses: number[] = []
    for (let index = 0; index < 101; index++) {
      const response = await client.read()
      statuses.push(response.status)
      if (index === 0) expect(response.headers.get('x-ratelimit-limit')).toBe('100')
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(1)
    await limited.stop()
  })
})
