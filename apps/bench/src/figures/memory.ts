// Memory: resident memory with 100,000 requests queued in the rate limiter, above the baseline of the same
// process with the client built and one request answered (the target is ≤ 100 MB).
//
//   node apps/bench/src/figures/memory.ts        (after building the packages)
//
// Three set-ups, each in a fresh Node process with --expose-gc (RSS does not shrink reliably, so they never share
// one): requests sent through a b2bkit client (ky, every request a Request object waiting in the plugin's hook);
// the bare RateLimiter's acquire(); and, to tell how much of the first is ky's own, plain ky with a beforeRequest
// hook that holds every call. A rule of one request per hour holds everything after the first request in the
// queue; the figure is read once 100,000 wait, after two garbage collections.
import { fork } from 'node:child_process'
import { createServer } from 'node:http'
import { createClient } from '@b2bkit/http'
import { RateLimiter, rateLimit } from '@b2bkit/rate-limit'
import ky from 'ky'
import { closeServer, listenLocally } from '../internal/local-server.ts'
import { type FigureRow, report } from '../internal/report.ts'

const queued = Number(process.env.BENCH_QUEUED ?? 100_000)
const targetMegabytes = 100
const rule = { path: '/items/*', limit: 1, intervalMs: 3_600_000 }
type Mode = 'client' | 'limiter' | 'ky'

const descriptions: Record<Mode, string> = {
  client: 'b2bkit client (ky + rateLimit)',
  limiter: 'bare RateLimiter.acquire()',
  ky: 'plain ky, calls held in a hook (no limiter)',
}

interface Measurement {
  mode: Mode
  rssMegabytes: number
  heapMegabytes: number
  baselineRssMegabytes: number
  seconds: number
}

const megabytes = (bytes: number) => bytes / 1024 / 1024

function collect(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  return process.memoryUsage()
}

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Starts one call that waits: through the client, the bare limiter, or plain ky held by a hook. */
interface Queue {
  warmUp(): Promise<unknown>
  enqueue(index: number, signal: AbortSignal): Promise<unknown>
  waiting(): number
  /** Lets every held call go on (they were aborted first, so none is sent). */
  release(): void
}

function queueFor(mode: Mode, baseUrl: string): Queue {
  if (mode === 'ky') {
    let held = 0
    let releaseFirst = true
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const api = ky.create({
      baseUrl,
      retry: 0,
      hooks: {
        beforeRequest: [
          async () => {
            if (releaseFirst) return
            held++
            await gate
          },
        ],
      },
    })
    return {
      warmUp: async () => {
        await api.get('items/0').text()
        releaseFirst = false
      },
      enqueue: (index, signal) => api.get(`items/${index}`, { signal }),
      waiting: () => held,
      release: () => release(),
    }
  }
  const plugin = rateLimit({ rules: [rule], maxQueued: queued + 1 })
  if (mode === 'client') {
    const http = createClient({ baseUrl, plugins: [plugin], retry: 0 })
    return {
      warmUp: () => http.get('items/0').text(),
      enqueue: (index, signal) => http.get(`items/${index}`, { signal }),
      waiting: () => plugin.limiter.stats().waiting,
      release: () => {},
    }
  }
  const limiter = new RateLimiter({ rules: [rule], maxQueued: queued + 1 })
  return {
    warmUp: async () => (await limiter.acquire({ method: 'GET', url: `${baseUrl}/items/0` })).settle(),
    enqueue: (index, signal) => limiter.acquire({ method: 'GET', url: `${baseUrl}/items/${index}`, signal }),
    waiting: () => limiter.stats().waiting,
    release: () => {},
  }
}

async function measure(mode: Mode): Promise<Measurement> {
  const server = createServer((_request, response) => response.end('{}'))
  const queue = queueFor(mode, await listenLocally(server))
  const controller = new AbortController()
  await queue.warmUp()
  const baseline = collect()
  const startedAt = performance.now()
  const pending: Promise<unknown>[] = []
  for (let index = 1; index <= queued; index++) {
    pending.push(queue.enqueue(index, controller.signal).catch(() => undefined))
  }
  await waitUntil(() => queue.waiting() >= queued)
  const seconds = (performance.now() - startedAt) / 1000
  const loaded = collect()
  controller.abort()
  queue.release()
  await Promise.all(pending)
  await closeServer(server)
  return {
    mode,
    rssMegabytes: megabytes(loaded.rss - baseline.rss),
    heapMegabytes: megabytes(loaded.heapUsed - baseline.heapUsed),
    baselineRssMegabytes: megabytes(baseline.rss),
    seconds,
  }
}

function inChild(mode: Mode): Promise<Measurement> {
  const child = fork(new URL(import.meta.url), [mode], { execArgv: ['--expose-gc'], stdio: 'inherit' })
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as Measurement))
    child.once('exit', (code) => reject(new Error(`memory ${mode} exited with ${code}`)))
  })
}

const mode = process.argv[2] as Mode | undefined
if (mode !== undefined) {
  process.send?.(await measure(mode))
  process.exit(0)
}
const rows: FigureRow[] = []
for (const each of ['client', 'limiter', 'ky'] as const) {
  const result = await inChild(each)
  const isFigure = each === 'client'
  rows.push({
    section: 'memory',
    figure: `${queued.toLocaleString('en')} requests queued: ${descriptions[each]}`,
    value: `+${result.rssMegabytes.toFixed(0)} MB RSS`,
    ...(isFigure ? { target: `≤ ${targetMegabytes} MB` } : {}),
    verdict: isFigure ? (result.rssMegabytes <= targetMegabytes ? 'met' : 'missed') : 'info',
    note:
      `heap +${result.heapMegabytes.toFixed(0)} MB; baseline RSS ${result.baselineRssMegabytes.toFixed(0)} MB; ` +
      `queued in ${result.seconds.toFixed(1)} s`,
    data: { ...result, queued },
  })
}
report(rows)
