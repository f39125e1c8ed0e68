import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assertBuilt, type ForkedWorker, forkWorker, runFleet } from './test-support/fleet.js'
import { connectTestRedis, deleteKeysUnder, redisUrl, uniqueKeyPrefix } from './test-support/test-redis.js'
import { startTokenServer } from './test-support/token-server.js'

// Eight worker processes (child_process.fork of test-support/fleet-worker.ts, running the built packages) share one
// API key, one emulator and one Redis.

describe('a fleet of 8 processes sharing the Redis stores', () => {
  let redis: Redis
  const keyPrefix = uniqueKeyPrefix('fleet')

  beforeAll(async () => {
    assertBuilt()
    redis = await connectTestRedis()
  })
  afterAll(async () => {
    await deleteKeysUnder(redis, keyPrefix)
    redis.disconnect()
  })

  // Generous timeouts: starting 8 Node processes takes seconds on a busy 2-core machine (it is not measured).
  test('sends one token request per token lifetime, no 429, and uses at least 90% of the quota', {
    timeout: 60_000,
  }, async () => {
    // Three 3-second windows of 60 requests, and about two lifetimes of a 6-second token. (Each slot counts from
    // its response for a full window, so every window costs a round trip and a wake-up: on a 2-core machine busy
    // with other builds, 100–300 ms, which 3-second windows keep under 10%.)
    const result = await runFleet({
      stores: 'redis',
      workers: 8,
      redisUrl,
      keyPrefix: `${keyPrefix}traffic:`,
      limit: 60,
      intervalMs: 3_000,
      durationMs: 9_000,
      tokenTtlSeconds: 6,
      concurrency: 3,
    })
    expect(result.workerErrors).toEqual([])
    expect(result.rateLimited).toBe(0)
    expect(result.unauthorized).toBe(0)
    expect(result.throughput).toBeGreaterThanOrEqual(0.9)
    expect(result.accepted).toBeLessThanOrEqual(result.quota + 60)
    // Every token request the emulator saw was one a worker made, and each came a token lifetime after the last:
    // a second request for the same lifetime would come within the lock wait, milliseconds after the first. (A
    // lifetime here is the 6 s, less up to 1 s of JWT `exp` rounding, the 2 s refreshed early and up to 1 s of
    // `Date` resolution: at least ~2 s.)
    expect(result.tokenRequests).toBe(result.workerTokenRequests)
    expect(result.tokenRequests).toBeGreaterThanOrEqual(2)
    const gaps = result.tokenRequestTimes.slice(1).map((time, index) => time - (result.tokenRequestTimes[index] ?? 0))
    for (const gapMs of gaps) expect(gapMs).toBeGreaterThanOrEqual(1_000)
  })

  test('gets the others a token within the lease when the holder is killed mid-refresh', {
    timeout: 60_000,
  }, async () => {
    const lockLeaseMs = 2_000
    // The endpoint never answers the first token request: its sender holds the lock "mid-refresh" until killed.
    const server = await startTokenServer({ unansweredRequests: 1 })
    const workers: ForkedWorker[] = []
    const config = {
      mode: 'token' as const,
      stores: 'redis' as const,
      redisUrl,
      keyPrefix: `${keyPrefix}killed:`,
      tokenUrl: server.tokenUrl,
      clientId: 'shop',
      clientSecret: 'shop-secret-value',
      lockLeaseMs,
    }
    try {
      workers.push(...Array.from({ length: 8 }, () => forkWorker(config)))
      await Promise.all(workers.map((worker) => worker.next('ready')))
      const [holder, ...others] = workers as [ForkedWorker, ...ForkedWorker[]]
      // The holder takes the lock after it is told to start, and before its token request arrives.
      const startedAt = Date.now()
      holder.child.send({ kind: 'start', startAt: startedAt })
      await expect.poll(() => server.requests.length, { timeout: 5_000, interval: 10 }).toBe(1)
      const lockedBy = server.requests[0]?.receivedAt ?? 0
      for (const worker of others) worker.child.send({ kind: 'start', startAt: Date.now() })
      const exited = new Promise((resolve) => holder.child.once('exit', (_code, signal) => resolve(signal)))
      holder.child.kill('SIGKILL')
      expect(await exited).toBe('SIGKILL')

      const reports = await Promise.all(others.map((worker) => worker.next('token')))
      // The others waited for the dead holder's lease rather than asking at once; then one of them asked, and all
      // had that token within the lease, plus a token request and a poll.
      expect(server.requests).toHaveLength(2)
      expect(server.requests[1]?.receivedAt).toBeGreaterThanOrEqual(startedAt + lockLeaseMs)
      expect(new Set(reports.map((report) => report.tokenDigest)).size).toBe(1)
      expect(reports.reduce((sum, report) => sum + report.tokenRequests, 0)).toBe(1)
      for (const report of reports) expect(report.elapsedMs).toBeLessThan(lockLeaseMs + 1_000)
      const arrivals = others.map(
        (worker) => worker.messages.find((entry) => entry.message.kind === 'token')?.receivedAt ?? Infinity,
      )
      for (const arrival of arrivals) expect(arrival - lockedBy).toBeLessThan(lockLeaseMs + 1_500)
    } finally {
      for (const worker of workers)
        if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL')
      await server.close()
    }
  })
})
