/**
 * Where `fallback: 'local'` reports that the store switched to local limits and back.
 *
 * @example
 * ```ts
 * const logger: RedisStoreLogger = { warn: (message) => log.warn({ component: 'rate-limit' }, message) }
 * ```
 */
export interface RedisStoreLogger {
  /** Called with one line; it never holds a credential. */
  warn(message: string): void
}

/** Options of `redisRateLimitStore()`. */
export interface RedisRateLimitStoreOptions {
  /**
   * Put before every key, to keep apps or environments sharing one Redis apart. No `{` or `}`: the store adds its
   * own hash tag per bucket (`b2bkit:rate:{GET /retailer/orders}:state`).
   * @default 'b2bkit:'
   * @example
   * ```ts
   * redisRateLimitStore(redis, { keyPrefix: 'shop-eu:' })
   * ```
   */
  keyPrefix?: string | undefined
  /**
   * Whose clock dates slots, pauses and resets. `'redis'`: Redis's `TIME`, so every machine shares one timeline
   * whatever its own clock says (times in and out are shifted between the limiter's clock and Redis's). `'caller'`:
   * the `now` the limiter passes, for a limiter on an injected clock (tests) or when all machines' clocks agree.
   * @default 'redis'
   * @example
   * ```ts
   * redisRateLimitStore(redis, { timeSource: 'caller' }) // with new RateLimiter({ clock: fakeClock, store })
   * ```
   */
  timeSource?: 'redis' | 'caller' | undefined
  /**
   * How long a bucket's keys stay in Redis after nothing in them matters any more (no slot counting, no pause, no
   * cap). Learned limits and windows are forgotten with them.
   * @default 86_400_000 (one day)
   * @example
   * ```ts
   * redisRateLimitStore(redis, { idleTtlMs: 3_600_000 })
   * ```
   */
  idleTtlMs?: number | undefined
  /**
   * The longest one store operation may take, whatever the client's own options. Past it the operation rejects
   * with a `RedisStoreError` (`REDIS_TIMEOUT`), so a Redis that is down never hangs a request.
   * @default 2_000
   * @example
   * ```ts
   * redisRateLimitStore(redis, { commandTimeoutMs: 500 })
   * ```
   */
  commandTimeoutMs?: number | undefined
  /**
   * When Redis cannot be reached (`REDIS_UNAVAILABLE` or `REDIS_TIMEOUT`): `'error'` fails the request with the
   * `RedisStoreError` before it is sent. `'local'` limits this process in memory to its share of each budget,
   * `floor(limit / fleetSize)` (at least 1), limits learned from headers included, asks Redis again every
   * `fallbackRecheckMs`, and logs each switch. Other Redis errors (`REDIS_COMMAND_FAILED`) always fail the request.
   * @default 'error'
   * @example
   * ```ts
   * redisRateLimitStore(redis, { fallback: 'local', fleetSize: 8 })
   * ```
   */
  fallback?: 'error' | 'local' | undefined
  /**
   * How many processes share the quota; required with `fallback: 'local'`, where each process takes
   * `1/fleetSize` of every budget while Redis is away.
   * @default undefined
   * @example
   * ```ts
   * redisRateLimitStore(redis, { fallback: 'local', fleetSize: Number(process.env.WORKERS) })
   * ```
   */
  fleetSize?: number | undefined
  /**
   * With `fallback: 'local'`: how long to stay on local limits before asking Redis again.
   * @default 1_000
   * @example
   * ```ts
   * redisRateLimitStore(redis, { fallback: 'local', fleetSize: 4, fallbackRecheckMs: 5_000 })
   * ```
   */
  fallbackRecheckMs?: number | undefined
  /**
   * Where the switches to local limits and back are reported (with `fallback: 'local'`).
   * @default console
   * @example
   * ```ts
   * redisRateLimitStore(redis, { fallback: 'local', fleetSize: 4, logger: pino() })
   * ```
   */
  logger?: RedisStoreLogger | undefined
}
