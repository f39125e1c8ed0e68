import { getRequestId } from '@b2bkit/http'
import { isUnprocessableEntityError } from '@b2bkit/problem'
import { sendJson, startTestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createB2BRouterClient } from './client.js'
import { type B2BRouterTestbed, startTestbed } from './internal/test-support.js'

let bed: B2BRouterTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

describe('client.accounts', () => {
  it('lists, creates and gets accounts, unwrapping {"account": …}', async () => {
    const page = await bed.client.accounts.list({ limit: 10 })
    expect(page.accounts.map((account) => account.id)).toContain(bed.accountId)
    const created = await bed.client.accounts.create({ name: 'Muster GmbH', country: 'de', tin_value: 'DE123456789' })
    expect(created).toMatchObject({ name: 'Muster GmbH', country: 'de', tin_value: 'DE123456789' })
    expect(bed.emulator.writes.at(-1)).toMatchObject({ method: 'POST', path: '/accounts', applied: true })
    expect(bed.emulator.writes.at(-1)?.body).toEqual({
      account: { name: 'Muster GmbH', country: 'de', tin_value: 'DE123456789' },
    })
    expect(await bed.client.accounts.get(created.id)).toEqual(created)
    const again = await bed.client.accounts.list({ limit: 10 })
    expect(again.accounts).toHaveLength(page.accounts.length + 1)
  })

  it('turns a validation error into an UnprocessableEntityError with a violation per field', async () => {
    const error = await bed.client.accounts.create({ name: 'No Tax Id', country: 'de', tin_value: '' }).catch((e) => e)
    expect(isUnprocessableEntityError(error)).toBe(true)
    expect(error.providerCode).toBe('validation_failed')
    expect(error.violations).toEqual([{ name: 'tin_value', reason: "can't be blank" }])
  })

  it('updates an account with PUT {"account": change}', async () => {
    // The emulator has no account update; a local server answers as B2Brouter documents it.
    const server = await startTestServer((_request, response) =>
      sendJson(response, 200, { account: { id: 7, name: 'Renamed' } }, { 'x-request-id': 'req-7' }),
    )
    try {
      const client = createB2BRouterClient({ apiKey: 'key-1', environment: 'staging', baseUrl: server.url })
      const account = await client.accounts.update(7, { name: 'Renamed' })
      expect(account).toEqual({ id: 7, name: 'Renamed' })
      expect(getRequestId(account)).toBe('req-7')
      expect(server.received).toHaveLength(1)
      expect(server.received[0]).toMatchObject({ method: 'PUT', url: '/accounts/7' })
      expect(JSON.parse(server.received[0]?.body ?? '')).toEqual({ account: { name: 'Renamed' } })
      expect(server.received[0]?.headers['x-b2b-api-key']).toBe('key-1')
    } finally {
      await server.close()
    }
  })
})
