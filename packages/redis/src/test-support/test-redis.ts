// Redis for the tests: 127.0.0.1:6379, or REDIS_URL. Each test file works under a key prefix of its own and deletes
// its keys afterwards (never FLUSHALL: other test runs may share the server).
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A connected client; fails with the way to start Redis when none answers. */
export async function connectTestRedis(): Promise<Redis> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true })
  redis.on('error', () => undefined)
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    redis.disconnect()
    throw new Error(
      `no Redis at ${redisUrl}: start one with \`redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no\` or set REDIS_URL`,
      { cause: error },
    )
  }
  return redis
}

/** A key prefix no other test run uses. */
export function uniqueKeyPrefix(label: string): string {
  return `b2bkit-test:${label}:${randomUUID()}:`
}

/** Every key under `keyPrefix`. */
export async function keysUnder(redis: Redis, keyPrefix: string): Promise<string[]> {
  const found: string[] = []
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000)
    cursor = next
    found.push(...keys)
  } while (cursor !== '0')
  return found
}

/** Deletes every key under `keyPrefix`. */
export async function deleteKeysUnder(redis: Redis, keyPrefix: string): Promise<void> {
  const keys = await keysUnder(redis, keyPrefix)
  if (keys.length > 0) await redis.unlink(...keys)
}
