import { unrefTimer } from './internal/wait.js'
import type { ReleaseLock, StoredToken, TokenStore } from './token-store.js'

/** Options of `memoryTokenStore()`. */
export interface MemoryTokenStoreOptions {
  /**
   * The clock lock leases are measured on (epoch ms).
   * @default Date.now
   * @example
   * ```ts
   * memoryTokenStore({ clock: () => fakeNow })
   * ```
   */
  clock?: (() => number) | undefined
}

/**
 * A `TokenStore` in this process's memory, with a lock and waiting, so token sources that share it share one
 * token and one token request. Each `clientCredentials()` gets its own by default; pass one store to several
 * sources to share. For several processes, use a shared store such as `@b2bkit/redis`.
 *
 * It keeps one entry per key until replaced or deleted; the token source, not the store, judges expiry.
 *
 * @example
 * ```ts
 * const store = memoryTokenStore()
 * const orders = clientCredentials({ ...bolCredentials, store })
 * const offers = clientCredentials({ ...bolCredentials, store }) // same key: one token for both
 * ```
 */
export function memoryTokenStore(options: MemoryTokenStoreOptions = {}): TokenStore {
  const clock = options.clock ?? Date.now
  const tokens = new Map<string, StoredToken>()
  const locks = new Map<string, { holder: symbol; until: number }>()
  const waiters = new Map<string, Set<(token: StoredToken | undefined) => void>>()

  return {
    async get(key) {
      const token = tokens.get(key)
      return token === undefined ? undefined : { ...token }
    },

    async set(key, token) {
      tokens.set(key, { ...token })
      const waiting = waiters.get(key)
      waiters.delete(key)
      for (const wake of waiting ?? []) wake({ ...token })
    },

    async delete(key, accessToken) {
      if (accessToken === undefined || tokens.get(key)?.accessToken === accessToken) tokens.delete(key)
    },

    async lock(key, leaseMs): Promise<ReleaseLock | null> {
      const held = locks.get(key)
      if (held !== undefined && held.until > clock()) return null
      const holder = Symbol(key)
      locks.set(key, { holder, until: clock() + leaseMs })
      return async () => {
        if (locks.get(key)?.holder === holder) locks.delete(key)
      }
    },

    waitForToken(key, timeoutMs) {
      return new Promise((resolve) => {
        const waiting = waiters.get(key) ?? new Set()
        waiters.set(key, waiting)
        const wake = (token: StoredToken | undefined) => {
          clearTimeout(timer)
          waiting.delete(wake)
          resolve(token)
        }
        // The holder's own request keeps the process alive while it runs; this timer need not.
        const timer = setTimeout(() => wake(undefined), timeoutMs)
        unrefTimer(timer)
        waiting.add(wake)
      })
    },
  }
}
