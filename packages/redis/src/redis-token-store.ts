import type { ReleaseLock, StoredToken, TokenStore } from '@b2bkit/auth'
import { tokenKeys } from './internal/key-layout.js'
import { checkClient, keyPrefixOption, millisecondsOption } from './internal/options.js'
import { createScriptRunner } from './internal/script-runner.js'
import { parseStoredToken } from './internal/stored-token.js'
import { tokenScript } from './internal/token-script.js'
import type { RedisClient } from './redis-client.js'

const ignore = () => undefined

function readPoll(reply: unknown): { token: StoredToken | undefined; lockHeld: boolean } {
  // Integers may come back as strings (ioredis's `stringNumbers`).
  const lockTtlMs = Array.isArray(reply) ? Number(reply[1]) : Number.NaN
  if (!Array.isArray(reply) || typeof reply[0] !== 'string' || Number.isNaN(lockTtlMs)) {
    throw new Error('the poll answered oddly')
  }
  return { token: reply[0] === '' ? undefined : parseStoredToken(reply[0]), lockHeld: lockTtlMs > 0 }
}

/** Options of `redisTokenStore()`. */
export interface RedisTokenStoreOptions {
  /**
   * Put before every key, to keep apps or environments sharing one Redis apart. No `{` or `}`: the store adds its
   * own hash tag (`b2bkit:token:{<store key>}`).
   * @default 'b2bkit:'
   * @example
   * ```ts
   * redisTokenStore(redis, { keyPrefix: 'shop-eu:' })
   * ```
   */
  keyPrefix?: string | undefined
  /**
   * The longest one store operation may take, whatever the client's own options; past it the operation rejects
   * with a `RedisStoreError` (`REDIS_TIMEOUT`), so a Redis that is down never hangs a token source.
   * @default 2_000
   * @example
   * ```ts
   * redisTokenStore(redis, { commandTimeoutMs: 500 })
   * ```
   */
  commandTimeoutMs?: number | undefined
  /**
   * How often a process waiting for another's refresh looks for the new token (and for the lock's end).
   * @default 50
   * @example
   * ```ts
   * redisTokenStore(redis, { pollIntervalMs: 100 })
   * ```
   */
  pollIntervalMs?: number | undefined
}

/**
 * A `TokenStore` in Redis, so every process and machine with the same client credentials shares one token and
 * sends one token request per token lifetime. Pass it as `store` to `clientCredentials()` of `@b2bkit/auth`.
 *
 * - The token is one key holding its JSON, expiring with the token.
 * - The refresh lock is a key set with `NX` and a lease (`PX lockLeaseMs`): only one process refreshes, and if it
 *   dies mid-refresh the lease ends the lock by itself and another process takes over.
 * - `waitForToken` polls every `pollIntervalMs` and resolves as soon as a new token is stored, or the lock is gone
 *   (the holder finished, failed or died), so a waiting process never sits out more than the lease.
 * - `delete(key, accessToken)` is a compare-and-delete, atomic in Lua.
 *
 * Every operation is one Lua script (the client needs `eval`/`evalsha` only). Node only: it takes an ioredis
 * client. The token is stored as plain JSON: protect Redis as you protect the client secret (ACLs, TLS).
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis'
 * const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 })
 * const tokens = clientCredentials({ ...bolCredentials, store: redisTokenStore(redis, { keyPrefix: 'shop:' }) })
 * ```
 */
export function redisTokenStore(redis: RedisClient, options: RedisTokenStoreOptions = {}): TokenStore {
  const client = checkClient(redis)
  const keyPrefix = keyPrefixOption(options.keyPrefix)
  const commandTimeoutMs = millisecondsOption('commandTimeoutMs', options.commandTimeoutMs, 2_000)
  const pollIntervalMs = millisecondsOption('pollIntervalMs', options.pollIntervalMs, 50)
  const script = createScriptRunner(client, tokenScript, commandTimeoutMs)

  const run = <Answer>(
    operation: string,
    key: string,
    args: readonly string[],
    read: (reply: unknown) => Answer,
    secrets?: readonly string[],
  ) => {
    const keys = tokenKeys(keyPrefix, key)
    return script.run(`token.${operation}`, [keys.token, keys.lock], [operation, ...args], read, secrets)
  }

  const poll = (key: string) => run('poll', key, [], readPoll)

  return {
    async get(key) {
      return run('get', key, [], (stored) => (typeof stored === 'string' ? parseStoredToken(stored) : undefined))
    },

    async set(key, token, expiresAt) {
      // Both times are on the token endpoint's clock, so their difference is a lifetime no local clock can skew;
      // it is at least what the token has left, so the entry never goes before the token does.
      const lifetimeMs = Math.max(1, Math.ceil(expiresAt - token.issuedAt))
      // The token as Redis saw it (JSON-escaped) is a secret too, should an error message quote it.
      const secrets = [token.accessToken, JSON.stringify(token.accessToken).slice(1, -1)]
      await run('set', key, [JSON.stringify(token), String(lifetimeMs)], ignore, secrets)
    },

    async delete(key, accessToken) {
      const compared = accessToken === undefined ? [] : [accessToken]
      await run('delete', key, compared, ignore, compared)
    },

    async lock(key, leaseMs): Promise<ReleaseLock | null> {
      const holder = crypto.randomUUID()
      const taken = await run(
        'lock',
        key,
        [holder, String(Math.max(1, Math.ceil(leaseMs)))],
        (reply) => Number(reply) === 1,
      )
      if (!taken) return null
      return async () => {
        // Compare-and-delete: after the lease ended another process may hold the lock; its lock stays.
        await run('release', key, [holder], ignore)
      }
    },

    async waitForToken(key, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      const first = await poll(key)
      // No lock: the refresh is over (or never started), so what is stored now is the answer.
      if (!first.lockHeld) return first.token
      const seen = first.token?.accessToken
      for (;;) {
        const leftMs = deadline - Date.now()
        if (leftMs <= 0) return undefined
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, leftMs)))
        const { token, lockHeld } = await poll(key)
        if (token !== undefined && token.accessToken !== seen) return token
        if (!lockHeld) return token
      }
    },
  }
}
