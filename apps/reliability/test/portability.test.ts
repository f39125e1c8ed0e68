// @vitest-environment edge-runtime
// The run-time half of portability: every library package does its everyday work with the edge runtime's fetch,
// Request, Response, Headers, streams and Web Crypto in place of Node's. (The servers the clients talk to are
// test scaffolding and use node:http; the static half, portability-imports.test.ts, checks that no library code
// reaches a Node built-in.)
import { authorizationCode, bearerAuth, clientCredentials } from '@b2bkit/auth'
import { createB2BRouterClient, verifyB2BRouterWebhook } from '@b2bkit/b2brouter'
import { createBolClient, verifyBolWebhook } from '@b2bkit/bol'
import { createConvictionalClient } from '@b2bkit/convictional'
import { etag } from '@b2bkit/etag'
import { createClient, getRequestId, paginate, redactText, requestMetrics } from '@b2bkit/http'
import { isNotFoundError, problemDetails, problemFromResponse } from '@b2bkit/problem'
import { waitForProcess } from '@b2bkit/process'
import { RateLimiter, rateLimit, readRateLimitHeaders } from '@b2bkit/rate-limit'
import { createSieSmartClient } from '@b2bkit/siesmart'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Received,
  type ScriptedAnswer,
  type ScriptedServer,
  startScriptedServer,
} from './support/scripted-server.js'

const json = (body: unknown, headers: Record<string, string> = {}): ScriptedAnswer => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
const token = { access_token: 'edge-token', token_type: 'Bearer', expires_in: 300 }
const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})
async function serve(answer: (request: Received) => ScriptedAnswer): Promise<ScriptedServer> {
  server = await startScriptedServer()
  server.answer(answer)
  return server
}

describe('portability: the library packages under the edge runtime', () => {
  it('runs in the edge runtime, with its own fetch and Web Crypto', () => {
    expect((globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBeTypeOf('string')
    expect(typeof crypto.subtle.digest).toBe('function')
  })

  it('@b2bkit/http: a client sends, counts, pages and redacts', async () => {
    const api = await serve((request) =>
      json({ items: [request.url], next: request.url.includes('cursor') ? null : 'c2' }, { 'x-request-id': 'r-1' }),
    )
    const metrics = requestMetrics()
    const http = createClient({ baseUrl: api.url, plugins: [metrics] })
    const response = await http.get('things')
    expect(getRequestId(response)).toBe('r-1')
    const pages = paginate<string>({
      fetchCursorPage: async (cursor) => {
        const page = await http.get(cursor === undefined ? 'things' : `things?cursor=${cursor}`).json<{
          items: string[]
          next: string | null
        }>()
        return { items: page.items, next: page.next ?? undefined }
      },
    })
    const items: string[] = []
    for await (const item of pages) items.push(item)
    expect(items).toEqual(['/things', '/things?cursor=c2'])
    expect(metrics.snapshot().requests).toBe(3)
    expect(redactText('Authorization: Bearer abc.def.ghi')).toBe('Authorization: Bearer [REDACTED]')
  })

  it('@b2bkit/auth: client credentials, the bearer plugin and PKCE work on Web Crypto', async () => {
    const api = await serve((request) => (request.url === '/token' ? json(token) : json({ ok: true })))
    const tokens = clientCredentials({
      tokenUrl: `${api.url}/token`,
      clientId: 'id',
      clientSecret: 'secret',
      authMethod: 'basic',
    })
    const http = createClient({ baseUrl: api.url, plugins: [bearerAuth(tokens)] })
    expect(await http.get('orders').json()).toEqual({ ok: true })
    expect(api.received[0]?.headers.authorization).toBe(`Basic ${btoa('id:secret')}`)
    expect(api.received[1]?.headers.authorization).toBe('Bearer edge-token')
    const flow = authorizationCode({
      authorizeUrl: 'https://login.example/authorize',
      tokenUrl: `${api.url}/token`,
      clientId: 'id',
      redirectUri: 'https://app.example/callback',
    })
    const { url, codeVerifier } = await flow.createAuthorizationRequest()
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier)))
    expect(new URL(url).searchParams.get('code_challenge')).toBe(challenge)
  })

  it('@b2bkit/rate-limit: the limiter schedules, and the headers are read', async () => {
    const api = await serve(() =>
      json({}, { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1' }),
    )
    const limits = rateLimit({ rules: [{ path: '/orders', limit: 5, intervalMs: 1_000 }] })
    const http = createClient({ baseUrl: api.url, plugins: [limits] })
    await Promise.all([http.get('orders'), http.get('orders')])
    expect(limits.limiter.stats().waiting).toBe(0)
    const limiter = new RateLimiter({ defaultRule: { limit: 2, intervalMs: 1_000 } })
    expect(await limiter.schedule({ method: 'GET', url: `${api.url}/x` }, () => Promise.resolve('done'))).toBe('done')
    expect(
      readRateLimitHeaders(new Headers({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' }), 0),
    ).toMatchObject({
      limit: 5,
      remaining: 4,
    })
  })

  it('@b2bkit/problem: failed responses become typed problems, JSON and XML', async () => {
    const api = await serve(() => ({
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({ title: 'Not Found', detail: 'Order 7 not found' }),
    }))
    const http = createClient({ baseUrl: api.url, plugins: [problemDetails()] })
    const error = await http.get('orders/7').then(
      () => undefined,
      (failure: unknown) => failure,
    )
    expect(isNotFoundError(error) && error.detail).toBe('Order 7 not found')
    const fromXml = await problemFromResponse(
      new Response('<problem><title>Bad</title><detail>no</detail></problem>', { status: 400 }),
    )
    expect(fromXml.detail).toBe('no')
  })

  it('@b2bkit/etag: If-Match on writes and a 304 from the cache', async () => {
    const api = await serve((request) =>
      request.headers['if-none-match'] === '"v1"'
        ? { status: 304, headers: { etag: '"v1"' } }
        : json({ stock: 3 }, { etag: '"v1"' }),
    )
    const http = createClient({ baseUrl: api.url, plugins: [etag()] })
    expect(await http.get('offers/1').json()).toEqual({ stock: 3 })
    await http.put('offers/1', { json: { stock: 2 } })
    expect(api.received[1]?.headers['if-match']).toBe('"v1"')
  })

  it('@b2bkit/process: a process is polled to its end', async () => {
    let polls = 0
    const api = await serve(() => json({ processStatusId: '1', status: ++polls < 3 ? 'PENDING' : 'SUCCESS' }))
    const http = createClient({ baseUrl: api.url })
    const done = await waitForProcess((signal) => http.get('shared/process-status/1', { signal }).json(), {
      intervalMs: 10,
    })
    expect(done).toMatchObject({ status: 'SUCCESS' })
  })

  it('@b2bkit/bol: the client lists orders, and a push notification verifies on Web Crypto', async () => {
    const api = await serve((request) =>
      request.url.startsWith('/token') ? json(token) : json({ orders: [{ orderId: '1' }] }),
    )
    const bol = createBolClient({
      clientId: 'id',
      clientSecret: 'secret',
      environment: 'production',
      baseUrl: api.url,
      tokenUrl: `${api.url}/token`,
    })
    expect((await bol.orders.list()).orders).toEqual([{ orderId: '1' }])
    const algorithm = {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    }
    const pair = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair
    const spki = await crypto.subtle.exportKey('spki', pair.publicKey)
    const body = JSON.stringify({ retailerId: 1, event: { resource: 'PROCESS_STATUS', type: 'SUCCESS' } })
    const signature = await crypto.subtle.sign('RSASSA-PKCS1-v1_5', pair.privateKey, new TextEncoder().encode(body))
    const header = `keyId=0, algorithm="rsa-sha256", signature=${btoa(String.fromCharCode(...new Uint8Array(signature)))}`
    const keys = [{ id: '0', type: 'RSA' as const, publicKey: btoa(String.fromCharCode(...new Uint8Array(spki))) }]
    const request = new Request('https://shop.example/push', { method: 'POST', headers: { signature: header }, body })
    expect(await verifyBolWebhook(request, { keys })).toEqual(JSON.parse(body))
  })

  it('@b2bkit/b2brouter: the client reads an account, and a webhook verifies on Web Crypto', async () => {
    const api = await serve(() => json({ account: { id: 7, name: 'Edge' } }))
    const client = createB2BRouterClient({ apiKey: 'key', environment: 'staging', baseUrl: api.url })
    expect(await client.accounts.get(7)).toMatchObject({ id: 7 })
    expect(api.received[0]?.headers['x-b2b-api-key']).toBe('key')
    const body = JSON.stringify({ id: 'e1', type: 'issued_invoice.created' })
    const timestamp = Math.floor(Date.now() / 1000)
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('signing-key'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${timestamp}.${body}`))
    const hex = [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
    expect(await verifyB2BRouterWebhook(body, `t=${timestamp},s=${hex}`, 'signing-key')).toMatchObject({ id: 'e1' })
  })

  it('@b2bkit/convictional: the client lists products', async () => {
    const api = await serve(() => json({ data: [{ _id: 'p1' }], hasMore: false, next: null }))
    const client = createConvictionalClient({ apiKey: 'key', baseUrl: api.url })
    expect((await client.seller.products.list()).data).toEqual([{ _id: 'p1' }])
    expect(api.received[0]?.headers.authorization).toBe('key')
  })

  it('@b2bkit/siesmart: the client reads a proposal with its ETag', async () => {
    const api = await serve((request) =>
      request.url.startsWith('/oauth/token')
        ? json(token)
        : json({ proposalId: 'p7' }, { etag: '2026-11-25T12:00:00.000Z' }),
    )
    const client = createSieSmartClient({
      clientId: 'id',
      clientSecret: 'secret',
      environment: 'test',
      baseUrl: `${api.url}/siesmart/b2b`,
      tokenUrl: `${api.url}/oauth/token`,
    })
    expect(await client.proposals.get('p7')).toMatchObject({ proposalId: 'p7' })
    expect(JSON.parse(api.received[0]?.body ?? '{}')).toMatchObject({
      grant_type: 'client_credentials',
      client_id: 'id',
    })
  })
})
