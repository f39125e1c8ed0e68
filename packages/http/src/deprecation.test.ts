import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import type { DeprecationNotice } from './deprecation.js'
import { endpointOf, readDeprecation } from './deprecation.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('deprecation warnings', () => {
  it('reach onDeprecation once per endpoint, with the warning text, Deprecation and Sunset', async () => {
    server = await startTestServer((request, response) => {
      if (request.url.startsWith('/retailer/orders')) {
        return sendJson(
          response,
          200,
          {},
          {
            Warning: '299 - "Deprecated API"',
            Deprecation: '@1767225600',
            Sunset: 'Wed, 01 Jul 2026 00:00:00 GMT',
          },
        )
      }
      sendJson(response, 200, {})
    })
    const notices: DeprecationNotice[] = []
    const client = createClient({ baseUrl: server.url, onDeprecation: (notice) => notices.push(notice) })
    await client.get('retailer/orders?page=1')
    await client.get('retailer/orders?page=2')
    await client.get('retailer/orders/1043946570')
    await client.get('retailer/orders/1043946571')
    await client.get('retailer/offers')
    expect(notices.map((notice) => notice.endpoint)).toEqual(['GET /retailer/orders', 'GET /retailer/orders/{id}'])
    expect(notices[0]).toMatchObject({
      url: `${server.url}/retailer/orders`,
      warning: 'Deprecated API',
      deprecation: '@1767225600',
      sunset: 'Wed, 01 Jul 2026 00:00:00 GMT',
    })
  })

  it('are reported separately for each client', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, {}, { Warning: '299 - "Old"' }))
    const notices: string[] = []
    const onDeprecation = (notice: DeprecationNotice) => notices.push(notice.endpoint)
    await createClient({ baseUrl: server.url, onDeprecation }).get('a')
    await createClient({ baseUrl: server.url, onDeprecation }).get('a')
    expect(notices).toEqual(['GET /a', 'GET /a'])
  })

  it('ignore warnings with other codes', () => {
    const request = new Request('https://example.com/a')
    const response = new Response(null, { headers: { Warning: '199 - "Miscellaneous"' } })
    expect(readDeprecation(request, response)).toBeUndefined()
  })

  it('read an unquoted warning text and a deprecation link', () => {
    const request = new Request('https://example.com/a?x=1', { method: 'POST' })
    const response = new Response(null, {
      headers: { Warning: '299 api.example.com Deprecated API', Link: '<https://d.example>; rel="deprecation"' },
    })
    expect(readDeprecation(request, response)).toEqual({
      endpoint: 'POST /a',
      url: 'https://example.com/a',
      warning: 'Deprecated API',
      link: '<https://d.example>; rel="deprecation"',
    })
  })
})

describe('endpointOf', () => {
  it('folds ids into one template and keeps words', () => {
    expect(endpointOf('get', '/retailer/process-status/2c8e1f5a-2b3a-4e9b-9c1d-1234567890ab')).toBe(
      'GET /retailer/process-status/{id}',
    )
    expect(endpointOf('delete', '/retailer/offers/6ff736b5-cdd0-4150-8c67-78269ee986f5')).toBe(
      'DELETE /retailer/offers/{id}',
    )
    expect(endpointOf('get', '/retailer/v2/orders/12')).toBe('GET /retailer/v2/orders/{id}')
    expect(endpointOf('get', '/retailer/orders')).toBe('GET /retailer/orders')
  })
})
