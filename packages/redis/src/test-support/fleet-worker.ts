// One worker process of a fleet, forked by fleet.ts (tests and bench). Node runs this file as it is, stripping the
// types (erasable syntax only), so the packages it imports by name resolve to their built dist: build first.
//
// Modes (the JSON config in argv[2]):
// - traffic: after the parent's 'start', sends GET requests to the API as fast as the limiter lets it, with
//   `concurrency` callers, until `durationMs` is over; reports statuses and its own token requests.
// - token: after the parent's 'start', gets one token and reports how long that took (the killed-holder test).
import { clientCredentials, memoryTokenStore, type TokenStore } from '@b2bkit/auth'
import { MemoryRateLimitStore, RateLimiter, type RateLimitStore } from '@b2bkit/rate-limit'
import { redisRateLimitStore, redisTokenStore } from '@b2bkit/redis'
import { Redis } from 'ioredis'

export interface WorkerConfig {
  mode: 'traffic' | 'token'
  stores: 'redis' | 'memory'
  redisUrl: string
  keyPrefix: string
  tokenUrl: string
  clientId: string
  clientSecret: string
  lockLeaseMs: number
  apiUrl?: string
  path?: string
  limit?: number
  intervalMs?: number
  durationMs?: number
  concurrency?: number
}

export type WorkerMessage =
  | { kind: 'ready' }
  | {
      kind: 'traffic'
      sent: number
      statuses: Record<string, number>
      tokenRequests: number
      errors: string[]
      /** Mean time from fetch() to the response, in ms. */
      meanLatencyMs: number
    }
  | { kind: 'token'; elapsedMs: number; tokenDigest: string; tokenRequests: number }
  | { kind: 'failed'; message: string }

const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig
const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send?.(message, () => resolve()))

const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 })
let tokenRequests = 0
const tokenStore: TokenStore =
  config.stores === 'redis' ? redisTokenStore(redis, { keyPrefix: config.keyPrefix }) : memoryTokenStore()
const tokens = clientCredentials({
  tokenUrl: config.tokenUrl,
  clientId: config.clientId,
  clientSecret: config.clientSecret,
  authMethod: 'basic',
  store: tokenStore,
  lockLeaseMs: config.lockLeaseMs,
  // The tests' tokens live seconds, not bol's 5 minutes. Their default margins (10% and 5% of the lifetime) would
  // leave 300 ms between the last use of a token and its expiry, less than a request may take on a busy machine.
  refreshBeforeExpiryMs: 2_000,
  expiryMarginMs: 1_500,
  onTokenRequest: () => {
    tokenRequests++
  },
})

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(bytes.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** Says 'ready' and resolves with the start time the parent sends back. */
async function readyAndWaitForStart(): Promise<number> {
  const start = new Promise<number>((resolve) =>
    process.on('message', (message: { kind: string; startAt: number }) => {
      if (message.kind === 'start') resolve(message.startAt)
    }),
  )
  await send({ kind: 'ready' })
  return start
}

async function tokenMode(): Promise<void> {
  await readyAndWaitForStart()
  const startedAt = Date.now()
  const token = await tokens.getToken()
  await send({ kind: 'token', elapsedMs: Date.now() - startedAt, tokenDigest: await digest(token), tokenRequests })
}

async function trafficMode(): Promise<void> {
  const { apiUrl = '', path = '/', limit = 1, intervalMs = 1000, durationMs = 1000, concurrency = 1 } = config
  const rateLimitStore: RateLimitStore =
    config.stores === 'redis' ? redisRateLimitStore(redis, { keyPrefix: config.keyPrefix }) : new MemoryRateLimitStore()
  const limiter = new RateLimiter({ rules: [{ method: 'GET', path, limit, intervalMs }], store: rateLimitStore })
  const url = `${apiUrl}${path}`
  const statuses: Record<string, number> = {}
  const errors: string[] = []
  let sent = 0
  let latencyTotalMs = 0

  const startAt = await readyAndWaitForStart()
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())))
  // Waiting requests leave the queue at the end; requests already sent finish and are counted.
  const stop = AbortSignal.timeout(Math.max(1, startAt + durationMs - Date.now()))

  async function caller(): Promise<void> {
    while (!stop.aborted) {
      try {
        let token = ''
        // The token is read once the slot is granted, right before sending: a token read before a wait in the
        // limiter's queue may expire during the wait (with 4 s tokens and 1 s windows it does).
        const response = await limiter.schedule({ method: 'GET', url, signal: stop }, async () => {
          token = await tokens.getToken()
          sent++
          const sentAt = performance.now()
          return fetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.retailer.v10+json' },
          }).finally(() => {
            latencyTotalMs += performance.now() - sentAt
          })
        })
        statuses[response.status] = (statuses[response.status] ?? 0) + 1
        await response.arrayBuffer()
        if (response.status === 401) await tokens.invalidate(token)
      } catch (error) {
        if (stop.aborted) return
        if (errors.length < 5) errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, caller))
  const meanLatencyMs = sent === 0 ? 0 : latencyTotalMs / sent
  await send({ kind: 'traffic', sent, statuses, tokenRequests, errors, meanLatencyMs })
}

try {
  await (config.mode === 'token' ? tokenMode() : trafficMode())
} catch (error) {
  await send({ kind: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
} finally {
  redis.disconnect()
  process.disconnect?.()
}
