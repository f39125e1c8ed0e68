import { createClient, InsecureTransportError } from '@b2bkit/http'
import ky, { HTTPError } from 'ky'
import { afterEach, describe, expect, it } from 'vitest'
import { bearerAuth } from './bearer-auth.js'
import {
  failureOf,
  type RunningServer,
  type SeenRequest,
  sendJson,
  startServer,
  tokenNumber,
} from './internal/test-servers.js'
import { type SetupOptions, setupSource } from './internal/test-token-source.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

const numberOf = (request: SeenRequest | undefined) =>
  tokenNumber(/^Bearer (.+)$/.exec(request?.headers.authorization ?? '')?.[1] ?? 'none-0')

/**
 * A token source and an API that accepts the tokens `accepts` approves of (by token number), answering 401
 * `JWT expired` otherwise, as bol.com does.
 */
async function setup(accepts: (tokenNumber: number) => boolean, source: SetupOptions = {}) {
  const { tokens, server: tokenServer } = await setupSource(source)
  const api: RunningServer = await startServer((request, response) => {
    if (accepts(numberOf(request))) sendJson(response, 200, { ok: true, body: request.body })
    else sendJson(response, 401, { title: 'Unauthorized', status: 401, detail: 'JWT expired' })
  })
  closers.push(tokenServer.close, api.close)
  return { tokens, tokenServer, api }
}

describe('bearerAuth', () => {
  it('sends Authorization: Bearer with the token of the source', async () => {
    const { tokens, api, tokenServer } = await setup(() => true)
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    await http.get('retailer/orders').json()
    await http.get('retailer/orders').json()
    expect(api.seen.map(numberOf)).toEqual([1, 1])
    expect(tokenServer.seen).toHaveLength(1)
  })

  it('sends the current token when the one it took expired while a later plugin held the request back', async () => {
    const { tokens, api, tokenServer } = await setup((number) => number >= 2)
    // Stands in for a rate limiter whose queue held the request until the token it carried was no longer valid.
    const holdBack = {
      name: 'hold-back',
      options: { hooks: { beforeRequest: [async () => void (await tokens.invalidate())] } },
    }
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens), holdBack] })
    await http.get('retailer/orders').json()
    expect(api.seen.map(numberOf)).toEqual([2])
    expect(tokenServer.seen).toHaveLength(2)
  })

  it('on a 401 invalidates the token, gets a new one and retries the request once, body and all', async () => {
    const { tokens, api, tokenServer } = await setup((number) => number >= 2)
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    const result = await http.post('retailer/shipments', { json: { orderItemId: '42' } }).json()
    expect(result).toEqual({ ok: true, body: '{"orderItemId":"42"}' })
    expect(api.seen.map(numberOf)).toEqual([1, 2])
    expect(api.seen.map((request) => request.body)).toEqual(['{"orderItemId":"42"}', '{"orderItemId":"42"}'])
    expect(tokenServer.seen).toHaveLength(2)
  })

  it('throws the second 401 of a request instead of refreshing again', async () => {
    const { tokens, api, tokenServer } = await setup(() => false)
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    const error = await http.get('retailer/orders').then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(HTTPError)
    expect((error as HTTPError).response.status).toBe(401)
    expect(api.seen).toHaveLength(2)
    expect(tokenServer.seen).toHaveLength(2)
  })

  it('lets 50 requests refused with the same token share one refresh', async () => {
    const { tokens, api, tokenServer } = await setup((number) => number >= 2)
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    await tokens.getToken()
    const results = await Promise.all(Array.from({ length: 50 }, () => http.get('retailer/orders').json()))
    expect(results).toHaveLength(50)
    expect(tokenServer.seen).toHaveLength(2)
    expect(api.seen.filter((request) => numberOf(request) === 2)).toHaveLength(50)
  })

  it('gives every request its own retry after a 401', async () => {
    // Each token works for one request only: every request after the first meets a 401 once.
    let accepted = 1
    const { tokens, api } = await setup((number) => number === accepted && ++accepted > 0)
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    for (let index = 0; index < 3; index++) await http.get('retailer/orders').json()
    expect(api.seen.map(numberOf)).toEqual([1, 1, 2, 2, 3])
  })

  it('does not retry a 401 beyond the client retry limit, but still drops the refused token', async () => {
    const { tokens, api, tokenServer } = await setup((number) => number >= 2)
    const http = createClient({ baseUrl: api.url, retry: 0, plugins: [bearerAuth(tokens)] })
    await expect(http.get('retailer/orders')).rejects.toBeInstanceOf(HTTPError)
    expect(api.seen).toHaveLength(1)
    await http.get('retailer/orders')
    expect(api.seen.map(numberOf)).toEqual([1, 2])
    expect(tokenServer.seen).toHaveLength(2)
  })

  it('puts the current token on a retry after a 5xx', async () => {
    let first = true
    const { tokens, server: tokenServer } = await setupSource()
    const api = await startServer(async (_request, response) => {
      if (!first) return sendJson(response, 200, {})
      first = false
      await tokens.invalidate() // the token was rotated while the request was out
      sendJson(response, 503, {})
    })
    closers.push(tokenServer.close, api.close)
    const http = createClient({ baseUrl: api.url, retry: { limit: 2, delay: () => 5 }, plugins: [bearerAuth(tokens)] })
    await http.get('retailer/orders')
    expect(api.seen.map(numberOf)).toEqual([1, 2])
  })

  it('fails the request with the AuthError of the token endpoint, without calling the API', async () => {
    const { tokens, api } = await setup(() => true, {
      before: (_index, _request, response) => sendJson(response, 401, { error: 'invalid_client' }),
    })
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    expect((await failureOf(http.get('retailer/orders'))).oauthError).toBe('invalid_client')
    expect(api.seen).toHaveLength(0)
  })

  it('fails with the AuthError when the refresh after a 401 fails', async () => {
    const { tokens, api } = await setup((number) => number >= 2, {
      before: (index, _request, response) => {
        if (index === 2) sendJson(response, 401, { error: 'invalid_client' })
      },
    })
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    expect(await failureOf(http.get('retailer/orders'))).toMatchObject({ code: 'AUTH_REJECTED', status: 401 })
    expect(api.seen).toHaveLength(1)
  })

  it('refuses to send a token over plain http to a remote host, even with plain ky', async () => {
    const { tokens, server: tokenServer } = await setupSource()
    closers.push(tokenServer.close)
    const client = ky.extend(bearerAuth(tokens).options)
    await expect(client.get('http://api.example.test/orders')).rejects.toBeInstanceOf(InsecureTransportError)
    expect(tokenServer.seen).toHaveLength(0)
  })

  it('fails at construction without a token source', () => {
    expect(() => bearerAuth({} as never)).toThrow(/option "tokenSource"/)
  })
})
