// Servers that misbehave on purpose. Each must give the caller a typed B2bkitError within the configured timeout,
// with bounded memory, and must never receive a credential it was not meant to have.
import { apiKeyAuth, bearerAuth } from '@b2bkit/auth'
import { createBolClient } from '@b2bkit/bol'
import { createClient, isB2bkitError } from '@b2bkit/http'
import { problemDetails } from '@b2bkit/problem'
import { waitForProcess } from '@b2bkit/process'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type Behaviour,
  type HostileServer,
  startHostileServer,
  type WatchedCall,
  watchCall,
} from './support/hostile-server.js'
import { leakedSecrets, plantSecret } from './support/secrets.js'

const timeoutMs = 1_000
/** Generous: the configured timeout plus scheduling slack on a busy 2-core machine; this is a bound, not a race. */
const withinTimeout = timeoutMs + 1_500
const megabyte = 1024 ** 2
const memoryBound = 64 * megabyte
/** The watch aborts a call here: at 4× the bound, or 2 s past it, so one failing client cannot stall the suite. */
const watch = { ceilingBytes: 4 * memoryBound, deadlineMs: withinTimeout + 2_000 }

const clientSecret = plantSecret('bol-secret-')
const apiKey = plantSecret('api-key-')

let servers: HostileServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})
async function hostile(behaviour: Parameters<typeof startHostileServer>[0]): Promise<HostileServer> {
  const server = await startHostileServer(behaviour)
  servers.push(server)
  return server
}

/** The two ways in — the core client with problem details, and the bol client over it — each with an abort. */
function callThrough(way: 'core' | 'bol', server: HostileServer, timeout = timeoutMs) {
  const controller = new AbortController()
  const { signal } = controller
  const abort = () => controller.abort()
  if (way === 'core') {
    const core = createClient({ baseUrl: server.url, timeout, retry: 0, plugins: [problemDetails()] })
    return { call: () => core.get('retailer/orders', { signal }).json(), abort }
  }
  const bol = createBolClient({
    clientId: 'hostile-client',
    clientSecret,
    environment: 'production',
    baseUrl: server.url,
    tokenUrl: `${server.url}/token`,
    timeout,
    retry: 0,
    rateLimit: false,
  })
  return { call: () => bol.orders.list({}, { signal }), abort }
}

function expectTypedFailureInTime(watched: WatchedCall<unknown>, code?: string, within = withinTimeout): void {
  const { outcome, elapsedMs } = watched
  expect(outcome, `still pending ${Math.round(elapsedMs)} ms after the call started`).toBeDefined()
  expect(outcome !== undefined && 'error' in outcome, 'the call should have failed').toBe(true)
  const { error } = outcome as { error: unknown }
  expect(isB2bkitError(error), `not a B2bkitError: ${String(error)}`).toBe(true)
  if (code !== undefined) expect((error as { code: string }).code).toBe(code)
  expect(leakedSecrets(error, { clientSecret, apiKey })).toEqual([])
  expect(elapsedMs).toBeLessThan(within)
}

const never: Behaviour = (request) => request.resume()
const headersThenSilence =
  (status: number): Behaviour =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000' })
    response.write('{"orders": [')
  }
const answerJson: Behaviour = (_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end('{}')
}

describe('hostile servers', () => {
  it.each(['core', 'bol'] as const)(
    'a server that never answers gives TimeoutError within the timeout (%s)',
    async (way) => {
      const { call, abort } = callThrough(way, await hostile(never))
      expectTypedFailureInTime(await watchCall(call, abort, watch), 'TIMEOUT')
    },
  )

  it.each([
    ['core', 200],
    ['core', 500],
    ['bol', 200],
    ['bol', 503],
  ] as const)(
    'a server that sends headers and then stalls gives a typed error within the timeout (%s, %i)',
    async (way, status) => {
      const { call, abort } = callThrough(way, await hostile(headersThenSilence(status)))
      expectTypedFailureInTime(await watchCall(call, abort, watch))
    },
  )

  it.each(['core', 'bol'] as const)(
    'a 1 GB error body gives a typed ServerError after reading a bounded part of it (%s)',
    async (way) => {
      const server = await hostile('gigabyte-error')
      const { call, abort } = callThrough(way, server)
      const watched = await watchCall(call, abort, watch)
      expectTypedFailureInTime(watched, 'SERVER_ERROR')
      expect(watched.peakGrowthBytes).toBeLessThan(memoryBound)
      expect(server.bytesSent()).toBeLessThan(256 * megabyte)
    },
  )

  it.each(['core', 'bol'] as const)(
    'a 1 GB success body gives a typed error within the timeout, with bounded memory (%s)',
    async (way) => {
      // ky's default timeout of 10 s: long enough for a fast server to send far more than the bound, so the bound
      // must come from the client, not from the clock.
      const { call, abort } = callThrough(way, await hostile('gigabyte-ok'), 10_000)
      const watched = await watchCall(call, abort, { ceilingBytes: 4 * memoryBound, deadlineMs: 13_500 })
      const grownMegabytes = Math.round(watched.peakGrowthBytes / megabyte)
      expect(watched.peakGrowthBytes, `resident memory grew ${grownMegabytes} MB`).toBeLessThan(memoryBound)
      expectTypedFailureInTime(watched, undefined, 11_500)
    },
  )

  it.each([
    ['X-B2B-API-Key', 'B2Brouter'],
    ['Authorization', 'Convictional'],
  ])('a redirect to another host does not carry the %s API key there (%s)', async (header) => {
    const elsewhere = await hostile(answerJson)
    const server = await hostile((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/landed` })
      response.end()
    })
    const http = createClient({
      baseUrl: server.url,
      timeout: timeoutMs,
      retry: 0,
      plugins: [apiKeyAuth({ header, value: apiKey }), problemDetails()],
    })
    const watched = await watchCall(
      () => http.get('accounts').json(),
      () => {},
      watch,
    )
    expect(elsewhere.requests.filter((request) => JSON.stringify(request.headers).includes(apiKey))).toEqual([])
    if (watched.outcome === undefined || 'error' in watched.outcome) expectTypedFailureInTime(watched)
  })

  it('a redirect to another host does not carry the bearer token there', async () => {
    const token = plantSecret('bearer-')
    const elsewhere = await hostile(answerJson)
    const server = await hostile((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/landed` })
      response.end()
    })
    const tokens = { getToken: async () => token, invalidate: async () => {} }
    const http = createClient({ baseUrl: server.url, timeout: timeoutMs, retry: 0, plugins: [bearerAuth(tokens)] })
    const watched = await watchCall(
      () => http.get('accounts').json(),
      () => {},
      watch,
    )
    expect(elsewhere.requests.filter((request) => JSON.stringify(request.headers).includes(token))).toEqual([])
    if (watched.outcome === undefined || 'error' in watched.outcome) expectTypedFailureInTime(watched)
  })

  it.each([
    ['bol', 200],
    ['core', 500],
    ['bol', 500],
  ] as const)('a body of invalid UTF-8 gives a typed error (%s, %i)', async (way, status) => {
    const invalidUtf8 = Buffer.from([
      0xff, 0xfe, 0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0x7d,
    ])
    const server = await hostile((_request, response) => {
      response.writeHead(status, { 'content-type': 'application/vnd.retailer.v10+json; charset=utf-8' })
      response.end(invalidUtf8)
    })
    const { call, abort } = callThrough(way, server)
    expectTypedFailureInTime(await watchCall(call, abort, watch))
  })

  it('a Retry-After of 10^11 seconds does not turn polling without a deadline into a busy loop', async () => {
    const server = await hostile((_request, response) => {
      response.writeHead(503, { 'retry-after': '99999999999', 'content-type': 'application/json' })
      response.end('{"title":"down for maintenance"}')
    })
    const http = createClient({ baseUrl: server.url, timeout: timeoutMs, retry: 0, plugins: [problemDetails()] })
    const controller = new AbortController()
    const waiting = waitForProcess(
      (signal) => http.get('shared/process-status/1', { signal }).json<{ status: string }>(),
      { timeoutMs: Number.POSITIVE_INFINITY, signal: controller.signal },
    ).catch((error: unknown) => error)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    controller.abort()
    await waiting
    // The server asked to come back in three thousand years: one poll, perhaps a second, not hundreds.
    expect(server.requests.length).toBeLessThanOrEqual(2)
  })
})
