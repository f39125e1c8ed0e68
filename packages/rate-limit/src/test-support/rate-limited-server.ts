// Test-only: a small rate-limited HTTP server on 127.0.0.1, enforcing limits the way the providers do, and recording
// what it received. It shares no code with the limiter, so tests never check the limiter against itself.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One limit of the server: requests whose method and path match share `limit` per `windowMs`. */
export interface ServerRule {
  /** Upper-case method, or undefined for any. */
  method?: string
  /** A path where `*` matches one segment. Rules are tried in order: list the specific ones first. */
  path: string
  limit: number
  windowMs: number
}

/**
 * Which headers the server sends: bol.com's `X-RateLimit-*`, Convictional's `X-Rate-Limit-Limit/-Duration`, the IETF
 * draft's structured `RateLimit` / `RateLimit-Policy`, or none (only `Retry-After` on a 429).
 */
export type HeaderStyle = 'bol' | 'convictional' | 'ietf' | 'none'

export interface RateLimitedServerOptions {
  rules: ServerRule[]
  headers: HeaderStyle
  /** Sliding windows (bol, strictest) or fixed windows aligned to the server's start (Convictional's 1 s buckets). */
  windows?: 'sliding' | 'fixed'
  /** bol and the IETF draft send whole seconds; tests with short windows can ask for milliseconds. */
  resetPrecision?: 'seconds' | 'milliseconds'
  /** How long the server takes to answer after it counted a request. */
  latencyMs?: number
  /**
   * Answer some requests yourself (hostile headers, forced 429s, status 0 to reset the connection); return undefined
   * to let the limits decide.
   */
  override?: (request: ReceivedRequest) => { status: number; headers?: Record<string, string> } | undefined
}

export interface ReceivedRequest {
  method: string
  path: string
  body: string
  receivedAt: number
  status: number
}

export interface RateLimitedServer {
  /** The base URL, such as `http://127.0.0.1:41234`. */
  url: string
  /** Every request the server received, in arrival order, with the status it answered. */
  received: ReceivedRequest[]
  /** How many 429s the server sent. */
  rejected(): number
  /** Counts `count` requests against a rule as if another client had sent them now. */
  consume(ruleIndex: number, count: number): void
  close(): Promise<void>
}

function matches(rule: ServerRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method) return false
  const pattern = rule.path.split('/').filter(Boolean)
  const segments = path.split('/').filter(Boolean)
  return pattern.length === segments.length && pattern.every((part, index) => part === '*' || part === segments[index])
}

export async function startRateLimitedServer(options: RateLimitedServerOptions): Promise<RateLimitedServer> {
  const { rules, windows = 'sliding', resetPrecision = 'seconds', latencyMs = 0 } = options
  const startedAt = Date.now()
  const accepted = rules.map((): number[] => [])
  const received: ReceivedRequest[] = []

  // Requests of the rule that still count at `now`, and when the next one stops counting.
  const usage = (index: number, now: number) => {
    const rule = rules[index] as ServerRule
    const log = accepted[index] as number[]
    if (windows === 'sliding') {
      while (log.length > 0 && (log[0] as number) <= now - rule.windowMs) log.shift()
      return { used: log.length, resetAt: log.length > 0 ? (log[0] as number) + rule.windowMs : now }
    }
    const windowStart = now - ((now - startedAt) % rule.windowMs)
    return { used: log.filter((time) => time >= windowStart).length, resetAt: windowStart + rule.windowMs }
  }
  const seconds = (milliseconds: number) =>
    resetPrecision === 'seconds' ? String(Math.ceil(milliseconds / 1000)) : (milliseconds / 1000).toFixed(3)

  const limitHeaders = (rule: ServerRule, remaining: number, resetInMs: number): Record<string, string> => {
    switch (options.headers) {
      case 'bol':
        return {
          'X-RateLimit-Limit': String(rule.limit),
          'X-RateLimit-Remaining': String(remaining),
          'X-RateLimit-Reset': seconds(resetInMs),
        }
      case 'convictional':
        return { 'X-Rate-Limit-Limit': String(rule.limit), 'X-Rate-Limit-Duration': `${rule.windowMs / 1000}s` }
      case 'ietf':
        return {
          'RateLimit-Policy': `"default";q=${rule.limit};w=${rule.windowMs / 1000}`,
          RateLimit: `"default";r=${remaining};t=${seconds(resetInMs)}`,
        }
      default:
        return {}
    }
  }

  const answer = (request: IncomingMessage, body: string): { status: number; headers: Record<string, string> } => {
    const method = request.method ?? 'GET'
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const now = Date.now()
    const record: ReceivedRequest = { method, path, body, receivedAt: now, status: 200 }
    received.push(record)
    const overridden = options.override?.(record)
    if (overridden !== undefined) {
      record.status = overridden.status
      return { status: overridden.status, headers: overridden.headers ?? {} }
    }
    const index = rules.findIndex((rule) => matches(rule, method, path))
    if (index === -1) return { status: 200, headers: {} }
    const rule = rules[index] as ServerRule
    const { used, resetAt } = usage(index, now)
    if (used >= rule.limit) {
      record.status = 429
      return {
        status: 429,
        headers: { ...limitHeaders(rule, 0, resetAt - now), 'Retry-After': String(Math.ceil((resetAt - now) / 1000)) },
      }
    }
    ;(accepted[index] as number[]).push(now)
    const after = usage(index, now)
    return { status: 200, headers: limitHeaders(rule, rule.limit - after.used, after.resetAt - now) }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const { status, headers } = answer(request, Buffer.concat(chunks).toString('utf8'))
      if (status === 0) {
        request.socket.destroy()
        return
      }
      const send = () => {
        response.writeHead(status, { 'Content-Type': 'application/json', ...headers })
        response.end(JSON.stringify({ status }))
      }
      if (latencyMs > 0) setTimeout(send, latencyMs)
      else send()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    rejected: () => received.filter((request) => request.status === 429).length,
    consume: (ruleIndex, count) => {
      for (let index = 0; index < count; index++) (accepted[ruleIndex] as number[]).push(Date.now())
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
