// Servers that misbehave on purpose, for the hostile-server tests: each answers POST /token as a token endpoint
// would (so a bol client gets that far) and misbehaves on every other path. Node only (tests).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Behaviour = (request: IncomingMessage, response: ServerResponse) => void

export interface HostileServer {
  url: string
  /** Paths requested other than /token, with the request headers. */
  requests: { url: string; headers: IncomingMessage['headers'] }[]
  /** Bytes of body written so far (the 1 GB server). */
  bytesSent(): number
  close(): Promise<void>
}

const gigabyte = 1024 ** 3
const chunk = Buffer.alloc(64 * 1024, 'a') // one chunk, written again and again: the 1 GB is never allocated

export async function startHostileServer(
  behaviour: Behaviour | 'gigabyte-ok' | 'gigabyte-error',
): Promise<HostileServer> {
  const requests: HostileServer['requests'] = []
  let bytesSent = 0
  const gigabyteBody =
    (status: number): Behaviour =>
    (_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(gigabyte) })
      const pump = () => {
        while (bytesSent < gigabyte && !response.destroyed) {
          bytesSent += chunk.length
          if (!response.write(chunk)) return // wait for 'drain': the client reads at its own pace
        }
        if (bytesSent >= gigabyte) response.end()
      }
      response.on('drain', pump)
      pump()
    }
  const handle =
    behaviour === 'gigabyte-ok' ? gigabyteBody(200) : behaviour === 'gigabyte-error' ? gigabyteBody(500) : behaviour
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.startsWith('/token')) {
      request.resume()
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ access_token: 'hostile-test-token', token_type: 'Bearer', expires_in: 300 }))
      return
    }
    requests.push({ url: request.url ?? '/', headers: request.headers })
    handle(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** What became of a call watched by `watchCall()`. */
export interface WatchedCall<T> {
  /** The value or the error; `undefined` when the call had not settled a second after the deadline. */
  outcome: { value: T } | { error: unknown } | undefined
  /** Resident memory at its peak during the call, above where it started. */
  peakGrowthBytes: number
  elapsedMs: number
}

/**
 * Runs `call` while sampling resident memory. Calls `abort` when memory grows past `ceilingBytes` or the call passes
 * `deadlineMs`, so a client that buffers or waits for ever cannot take the machine or the suite's time with it.
 */
export async function watchCall<T>(
  call: () => Promise<T>,
  abort: () => void,
  { ceilingBytes, deadlineMs }: { ceilingBytes: number; deadlineMs: number },
): Promise<WatchedCall<T>> {
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
    if (peak - baseline > ceilingBytes) abort()
  }, 10)
  const startedAt = performance.now()
  const settled = call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  const late = (milliseconds: number) => new Promise<undefined>((resolve) => setTimeout(resolve, milliseconds))
  let outcome = await Promise.race([settled, late(deadlineMs)])
  const elapsedMs = performance.now() - startedAt
  if (outcome === undefined) {
    abort()
    outcome = await Promise.race([settled, late(1_000)])
  }
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  return { outcome, peakGrowthBytes: peak - baseline, elapsedMs }
}
