import type { RedisClient } from '../redis-client.js'
import { RedisStoreError, type RedisStoreErrorCode } from '../redis-store-error.js'

/** Runs one Lua script on a client, as one store operation. */
export interface ScriptRunner {
  /**
   * Runs the script with `keys` and `args` and reads its answer with `read`. Rejects with a `RedisStoreError`
   * naming `operation` when Redis fails, does not answer within the timeout, or answers what `read` cannot read;
   * any of `secrets` in Redis's error message is replaced.
   */
  run<Answer>(
    operation: string,
    keys: readonly string[],
    args: readonly string[],
    read: (reply: unknown) => Answer,
    secrets?: readonly string[],
  ): Promise<Answer>
}

/** Redis errors that say the server cannot serve now, rather than that the command is wrong. */
const transientReplies = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|MOVED|ASK)\b/
const longestMessage = 300

/**
 * A runner for `source`: `EVALSHA` first, `EVAL` when the server answers `NOSCRIPT` (first use, a restart, a
 * `SCRIPT FLUSH`, another cluster node), every call bounded by `timeoutMs`.
 */
export function createScriptRunner(redis: RedisClient, source: string, timeoutMs: number): ScriptRunner {
  let digest: Promise<string> | undefined

  async function send(keys: readonly string[], args: readonly string[]): Promise<unknown> {
    digest ??= sha1Hex(source)
    const sha1 = await digest
    try {
      return await redis.evalsha(sha1, keys.length, ...keys, ...args)
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
      return await redis.eval(source, keys.length, ...keys, ...args)
    }
  }

  return {
    async run(operation, keys, args, read, secrets = []) {
      let reply: unknown
      try {
        reply = await withTimeout(send(keys, args), timeoutMs)
      } catch (error) {
        throw storeError(operation, error, timeoutMs, secrets)
      }
      try {
        return read(reply)
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unreadable'
        throw new RedisStoreError('REDIS_COMMAND_FAILED', operation, `unexpected answer from Redis (${reason})`)
      }
    },
  }
}

class StoreTimeout extends Error {}

/** `promise`, or a `StoreTimeout` after `timeoutMs`; a late rejection of `promise` is swallowed, not left unhandled. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeout()), timeoutMs)
  })
  promise.catch(() => undefined)
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A `RedisStoreError` for what went wrong. ioredis hangs the failed command, with its arguments (a token, for a
 * `set`), on its errors, so the original is never kept: the cause is a fresh `Error` with its name and message.
 */
function storeError(operation: string, error: unknown, timeoutMs: number, secrets: readonly string[]): RedisStoreError {
  if (error instanceof StoreTimeout) {
    return new RedisStoreError('REDIS_TIMEOUT', operation, `no answer from Redis within ${timeoutMs} ms`)
  }
  const original = error instanceof Error ? error : new Error(String(error))
  let message = original.message
  for (const secret of secrets) if (secret !== '') message = message.split(secret).join('[REDACTED]')
  if (message.length > longestMessage) message = `${message.slice(0, longestMessage)}…`
  const cause = new Error(message)
  cause.name = original.name
  return new RedisStoreError(codeOf(original), operation, message, { cause })
}

function codeOf(error: Error): RedisStoreErrorCode {
  if (/timed out/i.test(error.message)) return 'REDIS_TIMEOUT'
  // Only a ReplyError is Redis's own answer; AbortError, MaxRetriesPerRequestError and plain errors are the link.
  if (error.name === 'ReplyError' && !transientReplies.test(error.message)) return 'REDIS_COMMAND_FAILED'
  return 'REDIS_UNAVAILABLE'
}

async function sha1Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
