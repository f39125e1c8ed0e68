import { B2bkitError } from '@b2bkit/http'

const redisStoreErrorMarker = Symbol.for('b2bkit.error.redis')

/**
 * The stable codes of `RedisStoreError`:
 * - `REDIS_UNAVAILABLE`: no connection (refused, closed, reconnecting past the client's retry limit, cluster down,
 *   a replica that cannot write). Retrying later may help.
 * - `REDIS_TIMEOUT`: Redis did not answer within `commandTimeoutMs` (or the client's own `commandTimeout`). The
 *   command may still run later.
 * - `REDIS_COMMAND_FAILED`: Redis answered with an error (out of memory, no permission, a key of the wrong type
 *   under the store's prefix) or with a reply the store cannot read.
 *
 * @example
 * ```ts
 * const retryable = (code: RedisStoreErrorCode) => code !== 'REDIS_COMMAND_FAILED'
 * ```
 */
export type RedisStoreErrorCode = 'REDIS_UNAVAILABLE' | 'REDIS_TIMEOUT' | 'REDIS_COMMAND_FAILED'

/**
 * A Redis store could not do its work. The rate limiter fails the request with it before anything is sent, and a
 * token source fails `getToken()` with it: a store that cannot reach Redis never lets requests through unlimited
 * (unless the rate-limit store's `fallback: 'local'` is on) and never waits longer than `commandTimeoutMs`.
 *
 * The message, `toJSON()` and `util.inspect()` output hold no token and no command arguments: ioredis attaches the
 * failed command with its arguments to its errors, so the store never keeps them as `cause` — the `cause` is a
 * plain `Error` with the original name and message only.
 *
 * @example
 * ```ts
 * try {
 *   await bol.orders.list()
 * } catch (error) {
 *   if (isRedisStoreError(error) && error.code === 'REDIS_UNAVAILABLE') alert('Redis is down; requests are held')
 * }
 * ```
 */
export class RedisStoreError extends B2bkitError {
  override name = 'RedisStoreError' as const
  declare readonly code: RedisStoreErrorCode
  /** The store operation that failed, such as `'rateLimit.acquire'` or `'token.get'`. */
  readonly operation: string

  constructor(code: RedisStoreErrorCode, operation: string, message: string, options: { cause?: Error } = {}) {
    super(code, `Redis store ${operation} failed: ${message}`, options)
    this.operation = operation
    Object.defineProperty(this, redisStoreErrorMarker, { value: true })
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), operation: this.operation }
  }
}

/**
 * Whether `value` is a `RedisStoreError`, also one from a second installed copy of this package.
 *
 * @example
 * ```ts
 * if (isRedisStoreError(error)) console.warn(error.code, error.operation)
 * ```
 */
export function isRedisStoreError(value: unknown): value is RedisStoreError {
  return (
    typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[redisStoreErrorMarker] === true
  )
}
