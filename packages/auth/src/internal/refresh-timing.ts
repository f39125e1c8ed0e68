import type { RefreshTimingOptions } from '../token-endpoint-options.js'

/** The two moments of a token's life that matter, on the token endpoint's clock. */
export interface RefreshWindows {
  /** From here on, `getToken()` starts a background refresh. */
  refreshAt: number
  /** From here on, the token is not handed out any more. */
  usableUntil: number
}

const defaultRefreshShare = 0.1
const defaultRefreshCapMs = 30_000
const defaultMarginShare = 0.05
const defaultMarginCapMs = 10_000

/** The refresh windows of a token issued at `issuedAt` that expires at `expiresAt`. */
export function refreshWindows(
  token: { issuedAt: number; expiresAt: number },
  options: RefreshTimingOptions,
): RefreshWindows {
  const lifetimeMs = Math.max(0, token.expiresAt - token.issuedAt)
  const half = lifetimeMs / 2
  const before = options.refreshBeforeExpiryMs ?? Math.min(lifetimeMs * defaultRefreshShare, defaultRefreshCapMs)
  const margin = options.expiryMarginMs ?? Math.min(lifetimeMs * defaultMarginShare, defaultMarginCapMs)
  return {
    refreshAt: token.expiresAt - Math.min(before, half),
    usableUntil: token.expiresAt - Math.min(margin, half),
  }
}
