import { decodeJwt } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

describe('bol token endpoint and bearer tokens', () => {
  let emulator: Emulator<BolState, BolCredentials>
  afterEach(() => emulator.stop())

  it('issues a signed JWT for Basic client credentials with expires_in 299', async () => {
    emulator = await startBolEmulator()
    const { clientId, clientSecret } = emulator.credentials
    const response = await fetch(emulator.tokenUrl as string, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    })
    const body = (await response.json()) as { access_token: string; expires_in: number; token_type: string }
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 299 })
    const claims = decodeJwt(body.access_token)
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(299)
    expect(emulator.tokenRequestCount).toBe(1)
  })

  it('refuses a wrong secret with 401 invalid_client and never echoes the secret', async () => {
    emulator = await startBolEmulator()
    const response = await fetch(`${emulator.tokenUrl}?grant_type=client_credentials`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${emulator.credentials.clientId}:wrong-secret-123`).toString('base64')}`,
      },
    })
    expect(response.status).toBe(401)
    expect(await response.text()).not.toContain('wrong-secret-123')
    expect(JSON.stringify(emulator.requests)).not.toContain(Buffer.from(':wrong-secret-123').toString('base64'))
    expect(emulator.issuedTokenCount).toBe(0)
  })

  it('answers 401 without a token and 401 "JWT expired" once a token has outlived its TTL', async () => {
    let nowMs = Date.parse('2026-01-01T10:00:00Z')
    emulator = await startBolEmulator({ tokenTtlSeconds: 60, clock: { now: () => nowMs } })
    expect((await fetch(`${emulator.url}/retailer/orders`)).status).toBe(401)
    const request = bolFetcher(emulator, await bolToken(emulator))
    expect((await request('/retailer/orders')).status).toBe(200)
    nowMs += 59_000
    expect((await request('/retailer/orders')).status).toBe(200)
    nowMs += 1_000
    const expired = await request('/retailer/orders')
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toContain('JWT expired')
    expect(await expired.json()).toMatchObject({ status: 401, detail: 'JWT expired' })
    expect(expired.headers.get('x-ratelimit-limit')).toBe('20')
  })

  it('expires every issued token on demand, and a new token works again', async () => {
    emulator = await startBolEmulator()
    const request = bolFetcher(emulator, await bolToken(emulator))
    emulator.expireTokens()
    expect((await request('/retailer/orders')).status).toBe(401)
    const fresh = bolFetcher(emulator, await bolToken(emulator))
    expect((await fresh('/retailer/orders')).status).toBe(200)
    expect(emulator.tokenRequestCount).toBe(2)
  })

  it('redacts the bearer token in the request log', async () => {
    emulator = await startBolEmulator()
    const token = await bolToken(emulator)
    await bolFetcher(emulator, token)('/retailer/orders')
    expect(emulator.requests.at(-1)?.headers.authorization).toBe('Bearer [REDACTED]')
    expect(JSON.stringify(emulator.requests)).not.toContain(token)
  })
})
