// Runs a fleet of worker processes (fleet-worker.ts) against one bol emulator sharing one API key, for the fleet
// test and the bench. The workers import the packages' built dist, so `assertBuilt()` first.
import { type ChildProcess, fork } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { startEmulator } from '@b2bkit/emulator'
import type { WorkerConfig, WorkerMessage } from './fleet-worker.ts'

const workerScript = new URL('./fleet-worker.ts', import.meta.url)
const packagesFolder = new URL('../../../', import.meta.url)

/**
 * Throws with the command to run when a package the workers import has no dist, or when this package's dist is
 * older than its source (the workers would run stale code while the tests in this process run the source).
 */
export function assertBuilt(): void {
  const missing = ['auth', 'rate-limit', 'redis', 'emulator'].filter(
    (name) => !existsSync(new URL(`${name}/dist/index.js`, packagesFolder)),
  )
  const built = new URL('redis/dist/index.js', packagesFolder)
  const source = new URL('redis/src/', packagesFolder)
  const newest = (folder: URL): number =>
    Math.max(
      0,
      ...readdirSync(folder, { withFileTypes: true }).map((entry) =>
        entry.isDirectory()
          ? newest(new URL(`${entry.name}/`, folder))
          : /\.test(-d)?\.ts$/.test(entry.name) || folder.pathname.endsWith('/test-support/')
            ? 0
            : statSync(new URL(entry.name, folder)).mtimeMs,
      ),
    )
  const stale = missing.length === 0 && statSync(built).mtimeMs < newest(source)
  if (missing.length > 0 || stale) {
    const what = missing.length > 0 ? `no dist for ${missing.join(', ')}` : 'packages/redis/dist is older than its src'
    throw new Error(`${what}: the fleet's worker processes import the built packages; run \`pnpm build\` first`)
  }
}

export interface ForkedWorker {
  child: ChildProcess
  /** Every message so far, with the time it arrived. */
  messages: { message: WorkerMessage; receivedAt: number }[]
  /** Resolves with the first message of `kind` (rejects on a 'failed' message or an exit before it). */
  next<Kind extends WorkerMessage['kind']>(kind: Kind): Promise<Extract<WorkerMessage, { kind: Kind }>>
}

export function forkWorker(config: WorkerConfig): ForkedWorker {
  // execArgv: [] so the worker does not inherit the test runner's Node flags.
  const child = fork(workerScript, [JSON.stringify(config)], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const messages: ForkedWorker['messages'] = []
  child.on('message', (message) => messages.push({ message: message as WorkerMessage, receivedAt: Date.now() }))
  return {
    child,
    messages,
    next: (kind) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find((entry) => entry.message.kind === kind || entry.message.kind === 'failed')
          if (found === undefined) return false
          cleanUp()
          if (found.message.kind === 'failed') reject(new Error(`worker failed: ${found.message.message}`))
          else resolve(found.message as Extract<WorkerMessage, { kind: typeof kind }>)
          return true
        }
        const onExit = (code: number | null, signal: string | null) => {
          if (!check()) reject(new Error(`worker exited (${signal ?? code}) before sending '${kind}'`))
        }
        const cleanUp = () => {
          child.off('message', check)
          child.off('exit', onExit)
        }
        if (check()) return
        child.on('message', check)
        child.on('exit', onExit)
      }),
  }
}

export interface FleetOptions {
  /** 'redis': every worker shares the Redis stores; 'memory': each has its own in-memory stores. */
  stores: 'redis' | 'memory'
  workers: number
  redisUrl: string
  keyPrefix: string
  /** The emulator's limit on GET /retailer/orders (also the workers' rule). */
  limit: number
  intervalMs: number
  durationMs: number
  tokenTtlSeconds: number
  /** Callers per worker. */
  concurrency: number
}

export interface FleetResult {
  stores: FleetOptions['stores']
  /** Token requests the emulator received, and when. */
  tokenRequests: number
  tokenRequestTimes: number[]
  /** Token requests the workers say they made (onTokenRequest). */
  workerTokenRequests: number
  /** GET /retailer/orders answered 200 (during the run, from the first request's arrival) / 429 (in all). */
  accepted: number
  rateLimited: number
  /** GET /retailer/orders answered 401 (a token used after its expiry) during the whole run. */
  unauthorized: number
  /** What the emulator allows during the run: limit × durationMs ÷ intervalMs. */
  quota: number
  /** accepted ÷ quota. */
  throughput: number
  workerErrors: string[]
  /** Mean time from fetch() to the response over all workers, in ms. */
  meanLatencyMs: number
}

const path = '/retailer/orders'

export async function runFleet(options: FleetOptions): Promise<FleetResult> {
  const { limit, intervalMs, durationMs } = options
  const emulator = await startEmulator('bol', {
    tokenTtlSeconds: options.tokenTtlSeconds,
    rateLimits: { rules: [{ method: 'GET', path, limit, intervalMs }], includeDefaults: false },
  })
  const workers: ForkedWorker[] = []
  try {
    const config: WorkerConfig = {
      mode: 'traffic',
      stores: options.stores,
      redisUrl: options.redisUrl,
      keyPrefix: options.keyPrefix,
      tokenUrl: emulator.tokenUrl ?? '',
      clientId: emulator.credentials.clientId,
      clientSecret: emulator.credentials.clientSecret,
      lockLeaseMs: 5_000,
      apiUrl: emulator.url,
      path,
      limit,
      intervalMs,
      durationMs,
      concurrency: options.concurrency,
    }
    for (let index = 0; index < options.workers; index++) workers.push(forkWorker(config))
    await Promise.all(workers.map((worker) => worker.next('ready')))
    const startAt = Date.now() + 200
    for (const worker of workers) worker.child.send({ kind: 'start', startAt })
    const reports = await Promise.all(workers.map((worker) => worker.next('traffic')))
    // The run starts when the first API request arrives: the first token request before it is not the store's doing.
    const api = emulator.requests.filter((request) => request.path === path)
    const firstAt = Math.min(...api.map((request) => request.receivedAt))
    const during = api.filter((request) => request.receivedAt >= firstAt && request.receivedAt < firstAt + durationMs)
    const accepted = during.filter((request) => request.status === 200).length
    const quota = (limit * durationMs) / intervalMs
    return {
      stores: options.stores,
      tokenRequests: emulator.tokenRequestCount,
      tokenRequestTimes: emulator.requests
        .filter((request) => request.path === '/token')
        .map((request) => request.receivedAt),
      workerTokenRequests: reports.reduce((sum, report) => sum + report.tokenRequests, 0),
      accepted,
      rateLimited: api.filter((request) => request.status === 429).length,
      unauthorized: api.filter((request) => request.status === 401).length,
      quota,
      throughput: accepted / quota,
      workerErrors: reports.flatMap((report) => report.errors),
      meanLatencyMs: reports.reduce((sum, report) => sum + report.meanLatencyMs, 0) / reports.length,
    }
  } finally {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL')
    await emulator.stop()
  }
}
