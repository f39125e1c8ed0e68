// Quota use and 429s of b2bkit's limiter, plain ky (with its Retry-After-aware retry) and Octokit's throttling
// plugin, side by side, against @b2bkit/emulator's bol.com API: a sliding window on `GET /retailer/orders/*`,
// `X-RateLimit-*` headers in whole seconds, 429 with `Retry-After`.
//
//   node apps/bench/src/figures/quota-use.ts        (after building the packages)
//
// "quota use" is the requests the server accepted during the run ÷ what it allows in that many windows.
// "sustained" is the accepted rate after the first window's burst: (accepted − limit) ÷ (limit × (last arrival −
// first arrival) ÷ window), which a longer run converges to. "429s" are the rejections the server sent.
// Moved here from packages/rate-limit/bench/quota-use.ts, with the emulator in place of that package's test server.
//
// Environment: BENCH_LIMIT (requests per window, 10), BENCH_WINDOW_MS (1000), BENCH_WINDOWS (10),
// BENCH_LATENCY_MS (added server latency, 20), BENCH_CALLERS (concurrent callers, 3 × limit).
import { startBolEmulator } from '@b2bkit/emulator'
import { type Contender, contenders, type QuotaSetup } from '../internal/quota-contenders.ts'
import { type FigureRow, progress, report } from '../internal/report.ts'

const limit = Number(process.env.BENCH_LIMIT ?? 10)
const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 1000)
const windows = Number(process.env.BENCH_WINDOWS ?? 10)
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20)
const callers = Number(process.env.BENCH_CALLERS ?? limit * 3)
const durationMs = windows * windowMs
const allowed = limit * windows
const pathPattern = '/retailer/orders/*'
const serverRule = { method: 'GET', path: pathPattern, limit, intervalMs: windowMs }

const emulator = await startBolEmulator({ latencyMs, rateLimits: { rules: [serverRule], includeDefaults: false } })

async function bearerToken(): Promise<string> {
  const { clientId, clientSecret } = emulator.credentials
  const response = await fetch(`${emulator.tokenUrl}?grant_type=client_credentials`, {
    method: 'POST',
    headers: { authorization: `Basic ${btoa(`${clientId}:${clientSecret}`)}` },
  })
  return ((await response.json()) as { access_token: string }).access_token
}

async function run(contender: Contender, setup: QuotaSetup, path: string): Promise<FigureRow> {
  emulator.setRateLimits({ rules: [serverRule], includeDefaults: false }) // counting starts over
  emulator.clearLogs()
  const send = contender.make(setup)
  const controller = new AbortController()
  const startedAt = Date.now()
  const deadline = startedAt + durationMs
  let failed = 0
  const loop = async () => {
    while (Date.now() < deadline) {
      try {
        await send(path, controller.signal)
      } catch {
        if (!controller.signal.aborted) failed++
      }
    }
  }
  const timer = setTimeout(() => controller.abort(), durationMs)
  await Promise.all(Array.from({ length: callers }, loop))
  clearTimeout(timer)
  const during = emulator.requests.filter(
    (request) => request.path === path && request.receivedAt >= startedAt && request.receivedAt < deadline,
  )
  const accepted = during.filter((request) => request.status === 200).map((request) => request.receivedAt)
  const rejected = during.filter((request) => request.status === 429).length
  const spanMs = Math.max(...accepted) - Math.min(...accepted)
  const sustained = (accepted.length - limit) / ((limit * spanMs) / windowMs)
  const quotaUse = accepted.length / allowed
  // Let in-flight retries drain before the next contender starts.
  await new Promise((resolve) => setTimeout(resolve, windowMs))
  return {
    section: 'quota use',
    figure: contender.name,
    value: `${(quotaUse * 100).toFixed(1)}% quota, ${rejected} 429s`,
    verdict: 'info',
    note: `sustained ${(sustained * 100).toFixed(1)}%, ${accepted.length} accepted of ${allowed} allowed, ${failed} failed calls`,
    data: { quotaUse, sustained, accepted: accepted.length, allowed, rejected, failed },
  }
}

try {
  const orderId = [...emulator.state.orders.keys()][0] as string
  const setup: QuotaSetup = {
    baseUrl: emulator.url,
    headers: { authorization: `Bearer ${await bearerToken()}`, accept: 'application/vnd.retailer.v10+json' },
    limit,
    windowMs,
    pathPattern,
  }
  progress(
    `quota use: bol emulator, ${limit} per ${windowMs} ms sliding window, ${latencyMs} ms latency; ${callers} callers for ${windows} windows`,
  )
  const rows: FigureRow[] = []
  for (const contender of contenders) {
    rows.push(await run(contender, setup, `/retailer/orders/${orderId}`))
    progress(`quota use: ${contender.name} done`)
  }
  report(rows)
} finally {
  await emulator.stop()
}
