// An API server on 127.0.0.1 with one sliding-window limit over all requests, as bol.com counts: a request counts
// for `intervalMs` from its arrival; past the limit it answers 429 with Retry-After. Answers carry
// X-RateLimit-Limit/-Remaining/-Reset (whole seconds), and every arrival is recorded.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SlidingWindowServer {
  url: string
  /** Arrival times of the requests answered 200. */
  accepted: number[]
  /** Arrival times of the requests answered 429. */
  rejected: number[]
  /** The most requests accepted within any one window. */
  busiestWindow(): number
  close(): Promise<void>
}

export async function startSlidingWindowServer(limit: number, intervalMs: number): Promise<SlidingWindowServer> {
  const accepted: number[] = []
  const rejected: number[] = []
  const server = createServer((request, response) => {
    request.resume()
    const now = Date.now()
    const counted = accepted.filter((arrival) => arrival > now - intervalMs)
    const resetSeconds = String(Math.ceil(((counted[0] ?? now) + intervalMs - now) / 1000))
    const headers = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-reset': resetSeconds }
    if (counted.length >= limit) {
      rejected.push(now)
      response.writeHead(429, { ...headers, 'x-ratelimit-remaining': '0', 'retry-after': resetSeconds })
      response.end()
      return
    }
    accepted.push(now)
    response.writeHead(200, { ...headers, 'x-ratelimit-remaining': String(limit - counted.length - 1) })
    response.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    rejected,
    busiestWindow: () =>
      Math.max(
        0,
        ...accepted.map(
          (start) => accepted.filter((arrival) => arrival >= start && arrival < start + intervalMs).length,
        ),
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
