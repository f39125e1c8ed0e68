// Token economy: token requests per token lifetime under 1,000 concurrent callers (the target is one per lifetime).
// Moved here from packages/auth/bench/token-economy.ts.
//
//   node apps/bench/src/figures/token-economy.ts        (after building the packages)
//
// Cold start (1,000 callers at once), steady state over ten lifetimes of a 300 s token on an injected clock (one
// source, and four sources sharing one store as processes share a Redis store), and real time through bearerAuth
// with 2 s tokens.
import { createServer } from 'node:http'
import { bearerAuth, clientCredentials, memoryTokenStore, type TokenSource } from '@b2bkit/auth'
import { createClient } from '@b2bkit/http'
import { closeServer, listenLocally } from '../internal/local-server.ts'
import { type FigureRow, progress, report } from '../internal/report.ts'
import { startTokenServer } from '../internal/token-server.ts'

const callers = 1_000
const credentials = { clientId: 'bench-client', clientSecret: 'bench-secret-value', authMethod: 'basic' as const }
const turn = () => new Promise((resolve) => setImmediate(resolve))

function row(figure: string, requests: number, perLifetime: number, note: string): FigureRow {
  return {
    section: 'token economy',
    figure,
    value: `${requests} token requests (${perLifetime.toFixed(2)} per lifetime)`,
    target: '1 per lifetime',
    // A background refresh 10% before expiry replaces a token after 90% of its life: 1.11 per lifetime of wall
    // time is one request per token.
    verdict: perLifetime <= 1.12 ? 'met' : 'missed',
    note,
    data: { requests, perLifetime },
  }
}

async function coldStart(): Promise<FigureRow> {
  const server = await startTokenServer(300, Date.now)
  const tokens = clientCredentials({ ...credentials, tokenUrl: server.url })
  await Promise.all(Array.from({ length: callers }, () => tokens.getToken()))
  const requests = server.requests()
  await server.close()
  return {
    section: 'token economy',
    figure: `cold start, ${callers} concurrent getToken()`,
    value: `${requests} token request(s)`,
    target: '1',
    verdict: requests === 1 ? 'met' : 'missed',
    data: { requests },
  }
}

/** `sources` token sources share one store; 1,000 callers ask every `stepMs` of simulated time for `lifetimes`. */
async function steadyState(sources: number, lifetimes: number, stepMs: number): Promise<FigureRow> {
  const lifetimeSeconds = 300
  let now = Date.UTC(2026, 0, 1)
  const server = await startTokenServer(lifetimeSeconds, () => now)
  const store = memoryTokenStore({ clock: () => now })
  const pool: TokenSource[] = Array.from({ length: sources }, () =>
    clientCredentials({ ...credentials, tokenUrl: server.url, clock: () => now, store }),
  )
  const seenTokens = new Set<string>()
  const endAt = now + lifetimes * lifetimeSeconds * 1000
  let calls = 0
  while (now < endAt) {
    const results = await Promise.all(
      Array.from({ length: callers }, (_, index) => (pool[index % sources] as TokenSource).getToken()),
    )
    calls += callers
    for (const token of results) seenTokens.add(token)
    await turn() // let a background refresh's HTTP round trip progress, as real time would
    now += stepMs
  }
  await new Promise((resolve) => setTimeout(resolve, 50))
  const requests = server.requests()
  await server.close()
  return row(
    `steady state, ${sources} source(s) on one store, ${lifetimes} lifetimes of a ${lifetimeSeconds} s token`,
    requests,
    (requests - 1) / lifetimes,
    `${callers} callers every ${stepMs / 1000} s of injected time (${calls.toLocaleString('en')} getToken() calls): ` +
      `1 cold + ${requests - 1} refreshes, ${seenTokens.size} tokens used`,
  )
}

/** Real time through bearerAuth: 1,000 API calls in flight at all times, 2 s tokens, for `durationMs`. */
async function realTime(durationMs: number): Promise<FigureRow> {
  const lifetimeSeconds = 2
  const tokenServer = await startTokenServer(lifetimeSeconds, Date.now)
  const api = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end('{}')
  })
  const tokens = clientCredentials({ ...credentials, tokenUrl: tokenServer.url })
  const http = createClient({ baseUrl: await listenLocally(api), plugins: [bearerAuth(tokens)] })
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
  await tokenServer.close()
  await closeServer(api)
  const lifetimes = durationMs / (lifetimeSeconds * 1000)
  return row(
    `real time through bearerAuth, ${lifetimeSeconds} s tokens for ${durationMs / 1000} s`,
    requests,
    (requests - 1) / lifetimes,
    `${callers} concurrent API callers (${apiCalls.toLocaleString('en')} API calls): 1 cold + ${requests - 1} refreshes`,
  )
}

const rows = [await coldStart()]
progress('token economy: cold start done')
rows.push(await steadyState(1, 10, 5_000), await steadyState(4, 10, 5_000))
progress('token economy: steady state done')
rows.push(await realTime(6_000))
report(rows)
