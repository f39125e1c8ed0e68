// Eight worker processes behind one API key against one bol emulator: first sharing the Redis stores of
// @b2bkit/redis, then each with its own in-memory stores. Prints token requests, 429s and throughput for both.
//
//   pnpm build && node packages/redis/bench/fleet.ts
//
// Needs Redis at 127.0.0.1:6379 (REDIS_URL overrides). Environment: BENCH_WORKERS (8), BENCH_LIMIT (60 requests per
// window), BENCH_WINDOW_MS (3000), BENCH_DURATION_MS (9000), BENCH_TOKEN_TTL_SECONDS (6), BENCH_CONCURRENCY (3
// callers per worker). "throughput" is the requests the emulator accepted during the run (from the first API
// request's arrival) ÷ what its limit allows in that time; "mean latency" is fetch() to response in the workers.
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { assertBuilt, type FleetOptions, type FleetResult, runFleet } from '../src/test-support/fleet.ts'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const keyPrefix = `b2bkit-bench:fleet:${randomUUID()}:`
const options: Omit<FleetOptions, 'stores'> = {
  workers: Number(process.env.BENCH_WORKERS ?? 8),
  redisUrl,
  keyPrefix,
  limit: Number(process.env.BENCH_LIMIT ?? 60),
  intervalMs: Number(process.env.BENCH_WINDOW_MS ?? 3000),
  durationMs: Number(process.env.BENCH_DURATION_MS ?? 9_000),
  tokenTtlSeconds: Number(process.env.BENCH_TOKEN_TTL_SECONDS ?? 6),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 3),
}

assertBuilt()
const results: FleetResult[] = []
for (const stores of ['redis', 'memory'] as const) results.push(await runFleet({ ...options, stores }))

const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
let cursor = '0'
do {
  const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000)
  cursor = next
  if (keys.length > 0) await redis.unlink(...keys)
} while (cursor !== '0')
redis.disconnect()

const lifetimes = options.durationMs / (options.tokenTtlSeconds * 1000)
console.log(
  `${options.workers} processes, one API key, ${options.limit} requests per ${options.intervalMs} ms, ` +
    `${options.durationMs / 1000} s, ${options.tokenTtlSeconds} s tokens (~${lifetimes.toFixed(1)} lifetimes), ` +
    `${options.concurrency} callers per process`,
)
console.table(
  results.map((result) => ({
    stores: result.stores === 'redis' ? '@b2bkit/redis (shared)' : 'in-memory (per process)',
    'token requests': result.tokenRequests,
    '429s': result.rateLimited,
    '401s': result.unauthorized,
    accepted: result.accepted,
    quota: result.quota,
    throughput: `${(result.throughput * 100).toFixed(1)}%`,
    'mean latency ms': Math.round(result.meanLatencyMs),
    'worker errors': result.workerErrors.length,
  })),
)
const [shared, separate] = results as [FleetResult, FleetResult]
console.log(
  `saved by sharing: ${separate.tokenRequests - shared.tokenRequests} token requests, ` +
    `${separate.rateLimited - shared.rateLimited} 429s`,
)
