// Fleet: eight worker processes behind one API key against one bol emulator, first sharing the Redis stores of
// @b2bkit/redis, then each with its own in-memory stores: token requests, 429s and throughput for both. The same
// run as packages/redis/bench/fleet.ts, reported into the table; the fleet harness stays in @b2bkit/redis (its
// fleet test shares it), so this imports it from there.
//
//   node apps/bench/src/figures/fleet.ts        (after building the packages)
//
// Redis: REDIS_URL, else 127.0.0.1:6379, else a private redis-server started for the run. Environment:
// BENCH_WORKERS (8), BENCH_LIMIT (60 requests per window), BENCH_WINDOW_MS (3000), BENCH_DURATION_MS (9000),
// BENCH_TOKEN_TTL_SECONDS (6), BENCH_CONCURRENCY (3 callers per worker), as packages/redis/bench/fleet.ts.
// "throughput" is the requests the emulator accepted during the run ÷ what its limit allows in that time.
import { randomUUID } from 'node:crypto'
import { findRedis } from '../internal/redis-server.ts'
import { type FigureRow, report } from '../internal/report.ts'

const harness = '../../../../packages/redis/src/test-support/'
const redis = await findRedis()
if (typeof redis === 'string') {
  report([
    { section: 'fleet', figure: '8 processes, one API key', value: 'not measured', verdict: 'pending', note: redis },
  ])
} else {
  process.env.REDIS_URL = redis.url // read by the harness when it loads
  try {
    const fleet = (await import(
      `${harness}fleet.ts`
    )) as typeof import('../../../../packages/redis/src/test-support/fleet.ts')
    const options = {
      workers: Number(process.env.BENCH_WORKERS ?? 8),
      redisUrl: redis.url,
      keyPrefix: `b2bkit-bench:fleet:${randomUUID()}:`,
      limit: Number(process.env.BENCH_LIMIT ?? 60),
      intervalMs: Number(process.env.BENCH_WINDOW_MS ?? 3000),
      durationMs: Number(process.env.BENCH_DURATION_MS ?? 9_000),
      tokenTtlSeconds: Number(process.env.BENCH_TOKEN_TTL_SECONDS ?? 6),
      concurrency: Number(process.env.BENCH_CONCURRENCY ?? 3),
    }
    fleet.assertBuilt()
    const rows: FigureRow[] = []
    const lifetimes = options.durationMs / (options.tokenTtlSeconds * 1000)
    for (const stores of ['redis', 'memory'] as const) {
      const result = await fleet.runFleet({ ...options, stores })
      const shared = stores === 'redis'
      const tokensPerLifetime = result.tokenRequests / lifetimes
      // One cold request, then one per token, each replaced in the background at 90% of its life.
      const allowedTokenRequests = Math.ceil(lifetimes / 0.9) + 1
      rows.push({
        section: 'fleet',
        figure: `${options.workers} processes, one API key, ${shared ? '@b2bkit/redis stores (shared)' : 'in-memory stores (per process)'}`,
        value: `${result.tokenRequests} token requests, ${result.rateLimited} 429s, ${(result.throughput * 100).toFixed(1)}% of quota`,
        ...(shared ? { target: 'one token per lifetime, no 429' } : {}),
        verdict: shared
          ? result.rateLimited === 0 && result.tokenRequests <= allowedTokenRequests
            ? 'met'
            : 'missed'
          : 'info',
        note:
          `${options.limit} per ${options.intervalMs} ms for ${options.durationMs / 1000} s with ${options.tokenTtlSeconds} s tokens ` +
          `(${lifetimes.toFixed(1)} lifetimes, ${tokensPerLifetime.toFixed(2)} token requests per lifetime), ` +
          `${options.concurrency} callers per process; ${result.accepted} accepted of ${result.quota}, ${result.unauthorized} 401s, ` +
          `mean latency ${Math.round(result.meanLatencyMs)} ms, ${result.workerErrors.length} worker errors`,
        data: { ...result, options },
      })
    }
    if (!redis.private) {
      const testRedis = (await import(
        `${harness}test-redis.ts`
      )) as typeof import('../../../../packages/redis/src/test-support/test-redis.ts')
      const client = await testRedis.connectTestRedis()
      await testRedis.deleteKeysUnder(client, options.keyPrefix)
      client.disconnect()
    }
    report(rows)
  } finally {
    redis.stop()
  }
}
