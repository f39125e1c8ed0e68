// Token requests per token lifetime under 1,000 concurrent callers (the target is 1).
// Run after a build: `pnpm --filter @b2bkit/auth build && node packages/auth/bench/token-economy.ts`
// (Node 24 strips the types; only erasable TypeScript syntax is used here).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { bearerAuth, clientCredentials, memoryTokenStore, type TokenSource } from '@b2bkit/auth'
import { createClient } from '@b2bkit/http'

const callers = 1_000

interface TokenServer {
  url: string
  requests: () => number
  close: () => Promise<void>
}

/** A token endpoint issuing numbered tokens; `now` is its clock (sent as `Date`), `lifetimeSeconds` their life. */
async function startTokenServer(lifetimeSeconds: number, now: () => number): Promise<TokenServer> {
  let requests = 0
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      requests++
      const issuedAt = now()
      const body = {
        access_token: `token-${requests}`,
        token_type: 'Bearer',
        expires_in: lifetimeSeconds,
      }
      response.writeHead(200, { 'content-type': 'application/json', date: new Date(issuedAt).toUTCString() })
      response.end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    requests: () => requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const credentials = { clientId: 'bench-client', clientSecret: 'bench-secret-value', authMethod: 'basic' as const }
const turn = () => new Promise((resolve) => setImmediate(resolve))

/** Cold start: 1,000 callers ask at once. */
async function coldStart(): Promise<void> {
  const server = await startTokenServer(300, Date.now)
  const tokens = clientCredentials({ ...credentials, tokenUrl: server.url })
  await Promise.all(Array.from({ length: callers }, () => tokens.getToken()))
  console.log(`cold start, ${callers} concurrent getToken(): ${server.requests()} token request(s)`)
  await server.close()
}

/**
 * Steady state on an injected clock: `sources` token sources share one store (as processes share a Redis store);
 * 1,000 callers (spread over the sources) ask every `stepMs` of simulated time, for `lifetimes` token lifetimes.
 */
async function steadyState(sources: number, lifetimes: number, stepMs: number): Promise<void> {
  const lifetimeSeconds = 300
  let now = Date.UTC(2026, 0, 1)
  const server = await startTokenServer(lifetimeSeconds, () => now)
  const store = memoryTokenStore({ clock: () => now })
  const pool: TokenSource[] = Array.from({ length: sources }, () =>
    clientCredentials({ ...credentials, tokenUrl: server.url, clock: () => now, store }),
  )
  const seenTokens = new Set<string>()
  let maxRequestsPerToken = 0
  let requestsAtTokenStart = 0
  let currentToken = ''
  const endAt = now + lifetimes * lifetimeSeconds * 1000
  let calls = 0
  while (now < endAt) {
    const results = await Promise.all(
      Array.from({ length: callers }, (_, index) => (pool[index % sources] as TokenSource).getToken()),
    )
    calls += callers
    for (const token of results) seenTokens.add(token)
    const latest = results[results.length - 1] ?? ''
    if (latest !== currentToken) {
      maxRequestsPerToken = Math.max(maxRequestsPerToken, server.requests() - requestsAtTokenStart)
      requestsAtTokenStart = server.requests()
      currentToken = latest
    }
    await turn() // let a background refresh's HTTP round trip progress, as real time would
    now += stepMs
  }
  await new Promise((resolve) => setTimeout(resolve, 50))
  const requests = server.requests()
  console.log(
    `steady state, ${sources} source(s) on one store, ${callers} callers every ${stepMs / 1000} s for ${lifetimes} lifetimes ` +
      `of a ${lifetimeSeconds} s token (${calls.toLocaleString('en')} getToken() calls): ${requests} token requests ` +
      `(1 cold + ${requests - 1} refreshes = ${((requests - 1) / lifetimes).toFixed(2)} per ${lifetimeSeconds} s), ` +
      `${seenTokens.size} tokens used, at most ${Math.max(1, maxRequestsPerToken)} request(s) per token lifetime`,
  )
  await server.close()
}

/** Real time, through bearerAuth: 1,000 API calls in flight at all times, 2 s tokens, for `durationMs`. */
async function realTime(durationMs: number): Promise<void> {
  const lifetimeSeconds = 2
  const tokenServer = await startTokenServer(lifetimeSeconds, Date.now)
  const api = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{}')
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  const tokens = clientCredentials({ ...credentials, tokenUrl: tokenServer.url })
  const http = createClient({
    baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
    plugins: [bearerAuth(tokens)],
  })
  const stopAt = Date.now() + durationMs
  let apiCalls = 0
  const caller = async () => {
    while (Date.now() < stopAt) {
      await http.get('orders')
      apiCalls++
    }
  }
  await Promise.all(Array.from({ length: callers }, caller))
  const requests = tokenServer.requests()
  const lifetimes = durationMs / (lifetimeSeconds * 1000)
  console.log(
    `real time through bearerAuth, ${callers} concurrent API callers for ${durationMs / 1000} s with ${lifetimeSeconds} s tokens ` +
      `(${apiCalls.toLocaleString('en')} API calls): ${requests} token requests ` +
      `(1 cold + ${requests - 1} refreshes = ${((requests - 1) / lifetimes).toFixed(2)} per ${lifetimeSeconds} s)`,
  )
  await tokenServer.close()
  api.closeAllConnections()
  api.close()
}

await coldStart()
await steadyState(1, 10, 5_000)
await steadyState(4, 10, 5_000)
await realTime(6_000)
console.log('A token is replaced once, in the background 10% (at most 30 s) before it expires, so a 300 s token costs')
console.log('300 / 270 = 1.11 requests per 300 s of wall time and exactly one request per token.')
