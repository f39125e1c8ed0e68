/**
 * An access token as a `TokenStore` keeps it: plain JSON, so a store can serialise it as it likes.
 *
 * Times are epoch milliseconds on the token endpoint's clock (the token source corrects its own clock with the
 * endpoint's `Date` header), so processes on machines with different clocks read one stored token the same way.
 */
export interface StoredToken {
  /** The access token. A secret: a store must not log it. */
  accessToken: string
  /** The token type the endpoint named, such as `Bearer`. */
  tokenType: string
  /** When the token was issued (epoch ms, token endpoint's clock). */
  issuedAt: number
  /** When the token stops working (epoch ms, token endpoint's clock). */
  expiresAt: number
  /** The scope the endpoint granted, when it said. */
  scope?: string
}

/** Gives the lock back. Safe to call more than once. */
export type ReleaseLock = () => Promise<void>

/**
 * Where token sources keep their tokens, so that many sources (in one process, or on many machines with a shared
 * store such as `@b2bkit/redis`) share one token and send one token request per token lifetime.
 *
 * A store never decides whether a token is fresh: it keeps what it is given and hands it back; the token source
 * judges expiry.
 *
 * @example
 * ```ts
 * const store = memoryTokenStore()
 * const first = clientCredentials({ ...options, store })
 * const second = clientCredentials({ ...options, store }) // shares the first one's token
 * ```
 */
export interface TokenStore {
  /** The token stored under `key`, or `undefined`. */
  get(key: string): Promise<StoredToken | undefined>
  /**
   * Stores `token` under `key`, replacing what was there.
   * @param expiresAt - epoch ms (token endpoint's clock) after which the store may drop the entry by itself
   */
  set(key: string, token: StoredToken, expiresAt: number): Promise<void>
  /**
   * Removes the token under `key`; when `accessToken` is given, only if the stored token is still that one
   * (compare-and-delete, so a late `invalidate()` never throws away a token another process just fetched).
   */
  delete(key: string, accessToken?: string): Promise<void>
  /**
   * Takes the refresh lock of `key` for at most `leaseMs`, so only one holder sends a token request. Resolves to a
   * release function, or `null` when someone else holds the lock. The lease ends the lock by itself if its holder
   * dies. Without `lock`, every token source refreshes on its own (still single-flight within one source).
   */
  lock?(key: string, leaseMs: number): Promise<ReleaseLock | null>
  /**
   * Waits until a token is next stored under `key` (by the lock holder), for at most `timeoutMs`; resolves to it, or
   * to `undefined` on timeout. Without it, a waiting token source polls `get()`.
   */
  waitForToken?(key: string, timeoutMs: number): Promise<StoredToken | undefined>
}
