// Test helpers (never exported from the package): a bol emulator per test file, and a client pointed at it.
import { bolDefaultRateLimits, type EmulatorFor, type EmulatorOptions, startEmulator } from '@b2bkit/emulator'
import type { RateLimitRule } from '@b2bkit/rate-limit'
import { type BolClient, createBolClient } from '../bol-client.js'
import type { BolClientOptions } from '../bol-client-options.js'

/** A running bol emulator. */
export type BolEmulator = EmulatorFor<'bol'>

/** The emulator's own rate-limit rules as client rules (its `*` method means any method). */
export const emulatorRules = (rules: readonly (typeof bolDefaultRateLimits)[number][]): RateLimitRule[] =>
  rules.map(({ method, path, limit, intervalMs }) => ({
    ...(method === undefined || method === '*' ? {} : { method }),
    path,
    limit,
    intervalMs,
  }))

/** Starts a bol emulator with short process delays (its default rate limits stay on). */
export function startBol(options: EmulatorOptions = {}): Promise<BolEmulator> {
  return startEmulator('bol', { processDelayMs: 20, ...options })
}

/** A client for the emulator: its credentials, URLs and rate limits, and fast process polling. */
export function clientFor(emulator: BolEmulator, overrides: Partial<BolClientOptions> = {}): BolClient {
  return createBolClient({
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    environment: 'production',
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    rateLimit: emulatorRules(bolDefaultRateLimits),
    processPolling: { intervalMs: 20, maxIntervalMs: 100, batchIntervalMs: 20, timeoutMs: 10_000 },
    ...overrides,
  })
}

/** The API requests the emulator received (the token endpoint left out), as `METHOD /path`. */
export const apiCalls = (emulator: BolEmulator): string[] =>
  emulator.requests.filter((request) => request.path !== '/token').map((request) => `${request.method} ${request.path}`)

/** A push notification as a local receiver got it: the exact body and the headers. */
export interface ReceivedPush {
  body: string
  headers: Record<string, string>
}

/** A node:http server on 127.0.0.1 that records push notifications (the emulator delivers only to loopback). */
export async function startPushReceiver(): Promise<{
  url: string
  received: ReceivedPush[]
  next(predicate?: (push: ReceivedPush) => boolean): Promise<ReceivedPush>
  stop(): Promise<void>
}> {
  const { createServer } = await import('node:http')
  const received: ReceivedPush[] = []
  const waiters = new Set<() => void>()
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]))
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers })
      for (const wake of waiters) wake()
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}/bol-push`,
    received,
    next: (predicate = () => true) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no push notification within 5 s')), 5_000)
        const check = () => {
          const push = received.find(predicate)
          if (push === undefined) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(push)
        }
        waiters.add(check)
        check()
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
