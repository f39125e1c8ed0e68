import type { Exchange } from './exchange.js'
import type { RateLimitDecision, RateLimiter } from './rate-limiter.js'
import type { ResponseDraft } from './response.js'
import type { Router } from './router.js'

/** What the generic server needs to know about one provider's API. */
export interface ProviderDefinition {
  /** The header that carries the request id, e.g. `X-Request-ID` or `X-B2B-TRACE-ID`. */
  requestIdHeader: string
  /** The routes of the API. */
  router: Router
  /** Whether the request goes to the token endpoint (subject to `tokenOutage`, never rate limited). */
  isTokenRequest(exchange: Pick<Exchange, 'method' | 'path'>): boolean
  /** Whether the request is a write for the write log. @default every method but GET and HEAD */
  isWrite?(exchange: Pick<Exchange, 'method' | 'path'>): boolean
  /** Checks media types and the like before authentication; a draft rejects the request. */
  preflight?(exchange: Exchange): ResponseDraft | undefined
  /** Authenticates the request (filling `exchange.principal`); a draft rejects it. */
  authenticate(exchange: Exchange): Promise<ResponseDraft | undefined>
  /** The limiter and client key that count this request, if any (and the path to count it under). */
  rateLimiterFor(exchange: Exchange): { limiter: RateLimiter; clientKey: string; path?: string } | undefined
  /** Headers that report the rate-limit state on every response. */
  rateLimitHeaders(decision: RateLimitDecision): Record<string, string>
  /** The provider's error body for a status (404, 405, 429, 5xx, ...). */
  errorResponse(exchange: Exchange, status: number, message: string): ResponseDraft
}

/** Standard `X-RateLimit-*` headers (seconds until reset, rounded up). */
export function standardRateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(Math.max(0, decision.remaining)),
    'x-ratelimit-reset': String(Math.ceil(decision.resetMs / 1000)),
  }
}
