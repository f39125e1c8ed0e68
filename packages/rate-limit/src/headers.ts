import { FieldReader } from './internal/header-fields.js'

/**
 * What a response's rate-limit headers say, read from any of the spellings providers use, with every value
 * checked and clamped. Times are absolute (milliseconds since the epoch) so they survive being passed around.
 *
 * @example
 * ```ts
 * const { limit, remaining, resetAt }: RateLimitHeaders = readRateLimitHeaders(response.headers, Date.now())
 * ```
 */
export interface RateLimitHeaders {
  /** Requests allowed per window. */
  limit: number | undefined
  /** Requests left in the current window. */
  remaining: number | undefined
  /** When the server's window resets (epoch milliseconds). */
  resetAt: number | undefined
  /** The length of the server's window in milliseconds (`X-Rate-Limit-Duration`, the IETF `w` parameter). */
  windowMs: number | undefined
  /** When `Retry-After` says to come back (epoch milliseconds). */
  retryAt: number | undefined
  /** Whether the response carried any rate-limit field at all, even a malformed one. */
  present: boolean
  /** What was malformed, hostile or clamped, fit for a log line. Empty when all was well. */
  problems: string[]
}

/** Every rate-limit header this module reads, besides `Retry-After`. Not part of the package's exports. */
export const rateLimitHeaderNames: readonly string[] = [
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-rate-limit-duration',
]

/**
 * Reads the rate-limit headers of a response: `X-RateLimit-Limit/-Remaining/-Reset` (bol.com, GitHub),
 * `X-Rate-Limit-Limit/-Duration` (Convictional, Twitter), the IETF draft's structured `RateLimit` and
 * `RateLimit-Policy` fields (both the list form `"p";r=5;t=30` and the older dictionary form
 * `limit=10, remaining=5, reset=30`), the older `RateLimit-Limit/-Remaining/-Reset`, and `Retry-After`.
 *
 * Never throws. Negative, non-numeric or huge values are dropped or clamped and reported in `problems`; a reset or
 * retry time in the past becomes `now`; nothing points more than a day ahead.
 *
 * @param now - the current time in epoch milliseconds, to turn delta seconds into times
 * @example
 * ```ts
 * const info = readRateLimitHeaders(response.headers, Date.now())
 * if (info.remaining === 0) console.log('next window at', new Date(info.resetAt ?? Date.now()))
 * ```
 */
export function readRateLimitHeaders(headers: Headers, now: number): RateLimitHeaders {
  const problems: string[] = []
  const reader = new FieldReader(headers, now, problems)
  const ietf = reader.structured()
  const limit = firstDefined(
    ietf.limit,
    reader.count('ratelimit-limit'),
    reader.count('x-ratelimit-limit'),
    reader.count('x-rate-limit-limit'),
  )
  let remaining = firstDefined(
    ietf.remaining,
    reader.count('ratelimit-remaining'),
    reader.count('x-ratelimit-remaining'),
    reader.count('x-rate-limit-remaining'),
  )
  if (remaining !== undefined && limit !== undefined && remaining > limit) {
    problems.push(`remaining ${remaining} is above the limit ${limit}; using ${limit}`)
    remaining = limit
  }
  return {
    limit: limit === 0 ? undefined : limit,
    remaining,
    resetAt: firstDefined(
      ietf.resetAt,
      reader.reset('ratelimit-reset'),
      reader.reset('x-ratelimit-reset'),
      reader.reset('x-rate-limit-reset'),
    ),
    windowMs: firstDefined(
      ietf.windowMs,
      reader.inlineWindow('ratelimit-limit'),
      reader.duration('x-rate-limit-duration'),
    ),
    retryAt: reader.retryAfter(),
    present: rateLimitHeaderNames.some((name) => headers.has(name)),
    problems,
  }
}

function firstDefined(...values: (number | undefined)[]): number | undefined {
  return values.find((value) => value !== undefined)
}
