import type { RateLimitStore } from '@b2bkit/rate-limit'
import { decodeAcquire, decodeSnapshot, encode, encodeReport } from './internal/bucket-codec.js'
import { bucketScript } from './internal/bucket-script.js'
import { bucketKeys } from './internal/key-layout.js'
import { withLocalFallback } from './internal/local-fallback.js'
import { checkClient, choiceOption, keyPrefixOption, millisecondsOption } from './internal/options.js'
import { createScriptRunner } from './internal/script-runner.js'
import type { RedisClient } from './redis-client.js'
import type { RedisRateLimitStoreOptions } from './redis-rate-limit-store-options.js'

const ignore = () => undefined

/**
 * A `RateLimitStore` in Redis, so every process and machine behind one API key shares one quota: pass it as
 * `store` to `rateLimit()` / `new RateLimiter()` of `@b2bkit/rate-limit`, with the same rules everywhere.
 *
 * It keeps the in-memory store's model exactly — slots held from before a request is sent until its response
 * arrives and then for a full window, leases for requests that never settle, limits and windows learned from
 * headers, the cap for usage the log cannot explain, the pause after a 429, unknown and unlimited buckets — as one
 * Lua script per operation (atomic: two processes can never take the last slot twice). A bucket is five keys under
 * one `{hash tag}`, so it works on Redis Cluster. Times are Redis's own clock by default, so machines whose clocks
 * disagree still share one timeline.
 *
 * When Redis cannot be reached, `acquire` rejects with a `RedisStoreError` (the request fails before it is sent;
 * nothing goes out unlimited), after at most `commandTimeoutMs`. With `fallback: 'local'` the store instead limits
 * this process to its share of each budget (`1/fleetSize`) in memory until Redis answers again.
 *
 * Node only: it takes an ioredis client.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 })
 * const limits = rateLimit({ rules: bolRules, store: redisRateLimitStore(redis, { keyPrefix: 'shop:' }) })
 * ```
 */
export function redisRateLimitStore(redis: RedisClient, options: RedisRateLimitStoreOptions = {}): RateLimitStore {
  const client = checkClient(redis)
  const keyPrefix = keyPrefixOption(options.keyPrefix)
  const timeSource = choiceOption('timeSource', options.timeSource, ['redis', 'caller'], 'redis')
  const idleTtlMs = millisecondsOption('idleTtlMs', options.idleTtlMs, 86_400_000)
  const commandTimeoutMs = millisecondsOption('commandTimeoutMs', options.commandTimeoutMs, 2_000)
  const script = createScriptRunner(client, bucketScript, commandTimeoutMs)

  const run = <Answer>(
    operation: 'acquire' | 'settle' | 'release' | 'snapshot',
    key: string,
    bucket: { now: number; limit: number | undefined; intervalMs: number | undefined },
    extra: readonly string[],
    read: (reply: unknown) => Answer,
  ) =>
    script.run(
      `rateLimit.${operation}`,
      bucketKeys(keyPrefix, key),
      [
        operation,
        encode(bucket.now),
        timeSource,
        encode(bucket.limit),
        encode(bucket.intervalMs),
        String(idleTtlMs),
        ...extra,
      ],
      read,
    )

  const shared: RateLimitStore = {
    acquire: (key, request) => run('acquire', key, request, [encode(request.leaseMs)], decodeAcquire),
    settle: (key, slotId, report) =>
      run('settle', key, report, [slotId, ...encodeReport(report)], (reply) => decodeSnapshot(reply)),
    // The bucket's time does not matter to a release; the caller's now is only there to fill the argument.
    release: (key, slotId) =>
      run('release', key, { now: 0, limit: undefined, intervalMs: undefined }, [slotId], ignore),
    snapshot: (key, request) => run('snapshot', key, request, [], (reply) => decodeSnapshot(reply)),
  }
  return withLocalFallback(shared, options)
}
