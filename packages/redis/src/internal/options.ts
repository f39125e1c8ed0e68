import { ConfigurationError } from '@b2bkit/http'
import type { RedisClient } from '../redis-client.js'

/** The key prefix when none is given. */
export const defaultKeyPrefix = 'b2bkit:'

/** Checks that `redis` can run scripts. */
export function checkClient(redis: unknown): RedisClient {
  const client = redis as Partial<RedisClient> | null | undefined
  if (typeof client?.eval !== 'function' || typeof client.evalsha !== 'function') {
    throw new ConfigurationError('redis', 'must be an ioredis client (Redis or Cluster) with eval and evalsha')
  }
  return client as RedisClient
}

/** The key prefix, checked: a string without braces, which would take over the store's own hash tags. */
export function keyPrefixOption(value: unknown): string {
  if (value === undefined) return defaultKeyPrefix
  if (typeof value !== 'string') throw new ConfigurationError('keyPrefix', 'must be a string')
  if (/[{}]/.test(value)) {
    throw new ConfigurationError('keyPrefix', 'must not contain { or }: the store adds its own {hash tag} per key')
  }
  return value
}

/** A whole number of milliseconds of at least `minimum`, or `fallback` when not given. */
export function millisecondsOption(option: string, value: unknown, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(option, `must be a whole number of milliseconds, at least ${minimum}`)
  }
  return value
}

/** One of `choices`, or `fallback` when not given. */
export function choiceOption<Choice extends string>(
  option: string,
  value: unknown,
  choices: readonly Choice[],
  fallback: Choice,
): Choice {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ConfigurationError(option, `must be one of ${choices.map((choice) => `'${choice}'`).join(', ')}`)
  }
  return value as Choice
}
