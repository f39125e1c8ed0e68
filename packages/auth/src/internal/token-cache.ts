import { AuthError, isAuthError } from '../errors.js'
import type { RefreshTimingOptions } from '../token-endpoint-options.js'
import type { TokenRequestListener, TokenRequestReason, TokenSource } from '../token-source.js'
import type { StoredToken, TokenStore } from '../token-store.js'
import { refreshWindows } from './refresh-timing.js'
import type { ServerClock } from './server-clock.js'
import type { AttemptCounter } from './token-endpoint.js'
import { abortable, sleep } from './wait.js'

/** What a token cache needs: where to keep tokens, how to get a new one, and when to. */
export interface TokenCacheConfig {
  /** The store key of this source's token. */
  key: string
  store: TokenStore
  clock: ServerClock
  timing: RefreshTimingOptions
  lockLeaseMs: number
  /** The token endpoint, redacted, for events. */
  tokenUrl: string
  /** Sends one token request. */
  request: (counter: AttemptCounter) => Promise<StoredToken>
  onTokenRequest: TokenRequestListener | undefined
}

// After a background refresh fails, callers keep the current token; wait this long before trying again in the
// background, so a failing endpoint is not asked on every call. The blocking tier still asks when it must.
const backgroundPauseMs = 5_000
const pollIntervalMs = 100

/**
 * A `TokenSource` over a store: single flight within the source, the store's lock across sources, and the two
 * refresh tiers (background while the token is still good, blocking when it is about to expire).
 */
export function createTokenCache(config: TokenCacheConfig): TokenSource {
  const { key, store, clock, lockLeaseMs } = config
  let current: StoredToken | undefined
  let rejected: string | undefined
  let inFlight: Promise<StoredToken> | undefined
  let backgroundPausedUntil = Number.NEGATIVE_INFINITY

  const windowsOf = (token: StoredToken) => refreshWindows(token, config.timing)
  const isUsable = (token: StoredToken) => clock.now() < windowsOf(token).usableUntil
  // A token worth adopting from the store: not the one we threw away, and not yet due for a refresh.
  const isFresh = (token: StoredToken) => {
    const { refreshAt, usableUntil } = windowsOf(token)
    return token.accessToken !== rejected && clock.now() < Math.min(refreshAt, usableUntil)
  }

  async function adopt(token?: StoredToken): Promise<StoredToken | undefined> {
    const candidate = token ?? (await store.get(key))
    if (candidate === undefined || !isFresh(candidate)) return undefined
    current = candidate
    return candidate
  }

  async function requestAndStore(reason: TokenRequestReason): Promise<StoredToken> {
    const counter: AttemptCounter = { attempts: 0 }
    const startedAt = clock.local()
    const report = (fields: { ok: true; token: StoredToken } | { ok: false; error: AuthError }) => {
      const event = { reason, tokenUrl: config.tokenUrl, startedAt, durationMs: clock.local() - startedAt }
      try {
        config.onTokenRequest?.(
          fields.ok
            ? {
                ...event,
                ok: true,
                attempts: counter.attempts,
                expiresAt: clock.toLocal(fields.token.expiresAt),
                lifetimeMs: fields.token.expiresAt - fields.token.issuedAt,
              }
            : { ...event, ok: false, attempts: counter.attempts, error: fields.error },
        )
      } catch {
        // An observer must never break authentication.
      }
    }
    let token: StoredToken
    try {
      token = await config.request(counter)
    } catch (error) {
      const authError = isAuthError(error)
        ? error
        : new AuthError('AUTH_UNAVAILABLE', 'token request failed', { cause: error, tokenUrl: config.tokenUrl })
      report({ ok: false, error: authError })
      throw authError
    }
    report({ ok: true, token })
    current = token
    await store.set(key, token, token.expiresAt)
    return token
  }

  async function waitForHolder(background: boolean): Promise<StoredToken | undefined> {
    if (store.waitForToken !== undefined) {
      const token = await store.waitForToken(key, lockLeaseMs)
      return (await adopt(token)) ?? (await adopt())
    }
    for (let waited = 0; waited < lockLeaseMs; waited += pollIntervalMs) {
      await sleep(pollIntervalMs, { keepAlive: !background })
      const token = await adopt()
      if (token !== undefined) return token
    }
    return undefined
  }

  async function obtain(reason: TokenRequestReason): Promise<StoredToken> {
    const shared = await adopt()
    if (shared !== undefined) return shared
    if (store.lock === undefined) return requestAndStore(reason)
    for (let round = 0; ; round++) {
      const release = await store.lock(key, lockLeaseMs)
      if (release !== null) {
        try {
          // The previous holder may have stored a token between our get() and lock().
          return (await adopt()) ?? (await requestAndStore(reason))
        } finally {
          // A release that fails is not worth failing the caller for: the lease ends the lock anyway.
          await release().catch(() => undefined)
        }
      }
      const token = await waitForHolder(reason === 'background')
      if (token !== undefined) return token
      // The holder's lease ran out without a token and someone still holds the lock: better a second token
      // request than none.
      if (round >= 1) return requestAndStore(reason)
    }
  }

  function refresh(reason: TokenRequestReason): Promise<StoredToken> {
    if (inFlight !== undefined) return inFlight
    const flight = obtain(reason).finally(() => {
      if (inFlight === flight) inFlight = undefined
    })
    inFlight = flight
    return flight
  }

  function refreshInBackground(): void {
    if (inFlight !== undefined || clock.now() < backgroundPausedUntil) return
    void refresh('background').catch(() => {
      backgroundPausedUntil = clock.now() + backgroundPauseMs
    })
  }

  return {
    async getToken(options = {}) {
      options.signal?.throwIfAborted()
      const token = current
      if (token !== undefined && isUsable(token)) {
        if (clock.now() >= windowsOf(token).refreshAt) refreshInBackground()
        return token.accessToken
      }
      const reason = token !== undefined ? 'expired' : rejected !== undefined ? 'invalidated' : 'initial'
      const fresh = await abortable(refresh(reason), options.signal)
      return fresh.accessToken
    },

    async invalidate(token) {
      const target = token ?? current?.accessToken
      if (target === undefined) return
      rejected = target
      if (current?.accessToken === target) current = undefined
      await store.delete(key, target)
    },
  }
}
