/**
 * What the stores need from a Redis client: running a Lua script with `EVALSHA`, and with `EVAL` when the server
 * does not have it cached yet. An ioredis `Redis` or `Cluster` fits as it is; every store operation is one script,
 * so the stores issue no other command. Typed by shape rather than as ioredis's classes, so a client from another
 * copy or version of ioredis (or a thin adapter over another client) type-checks too.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const redis: RedisClient = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
 * ```
 */
export interface RedisClient {
  /** `EVAL script numkeys key… arg…`. */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error when the script is not cached. */
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
}
