import type { Clock } from './clock.js'
import type { ThrottleEvent } from './events.js'
import type { DefaultRateLimitRule, RateLimitRule } from './rules.js'
import type { RateLimitStore } from './store.js'

/**
 * Where the limiter writes what it had to clamp or ignore (hostile headers, a 429 without Retry-After).
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rules, logger: { warn: (message) => log.warn(message) } })
 * ```
 */
export interface RateLimitLogger {
  warn(message: string): void
}

/**
 * Options of `RateLimiter` and of the `rateLimit()` plugin. Every one is checked when the limiter is made; a mistake
 * throws a `ConfigurationError` that names the option.
 *
 * @example
 * ```ts
 * const options: RateLimiterOptions = {
 *   rules: [{ method: 'GET', path: '/retailer/orders/*', limit: 8, intervalMs: 60_000 }],
 *   maxQueued: 1000,
 *   retryAfterPolicy: 'fail',
 * }
 * ```
 */
export interface RateLimiterOptions {
  /**
   * The provider's documented limits per method and path; the most specific matching rule wins.
   * @default []
   */
  rules?: readonly RateLimitRule[] | undefined
  /**
   * One budget shared by every request that matches no rule. Without it, such requests go through a bucket per
   * route learned from the response headers (`adaptive`), or unlimited.
   * @default none
   */
  defaultRule?: DefaultRateLimitRule | undefined
  /**
   * Read the rate-limit headers of every response and correct the budget from them before any 429: a limit or
   * window the server announces replaces the configured one, and usage the limiter cannot explain (another
   * client, an earlier run) caps what it sends until the server's reset. Requests that match no rule wait for
   * the first answer of their route to tell its budget.
   * @default true
   */
  adaptive?: boolean | undefined
  /**
   * Where budgets live. Pass a shared store (`@b2bkit/redis`) so many processes share one quota.
   * @default new MemoryRateLimitStore()
   */
  store?: RateLimitStore | undefined
  /**
   * The most requests that may wait for a slot at once, over all rules. One more rejects at once with a
   * `RateLimitQueueFullError`, so memory never grows without bound.
   * @default 10_000
   */
  maxQueued?: number | undefined
  /**
   * The longest server-imposed pause (a 429's `Retry-After`, or a header reset) the limiter accepts, in milliseconds.
   * What happens beyond it is `retryAfterPolicy`.
   * @default 300_000 (5 minutes: bol.com's longest window is 3)
   */
  maxRetryAfterMs?: number | undefined
  /**
   * When the server asks for a pause longer than `maxRetryAfterMs`: `'wait'` pauses for `maxRetryAfterMs` and
   * retries; `'fail'` rejects the request (and every request of the rule while the pause lasts) at once with a
   * `RateLimitedError` whose `retryAt` says when to come back.
   * @default 'wait'
   */
  retryAfterPolicy?: 'wait' | 'fail' | undefined
  /**
   * How long a request may stay unanswered and still count as in flight. After it, the store treats the request as
   * answered at the lease's end; this only matters for a request that never settles (a crashed process).
   * @default 120_000
   */
  leaseMs?: number | undefined
  /** The time source and sleeper; inject one to test without waiting. @default systemClock */
  clock?: Clock | undefined
  /** Called whenever a request has to wait; the same as `limiter.on('throttle', …)`. @default none */
  onThrottle?: ((event: ThrottleEvent) => void) | undefined
  /** Where warnings about malformed headers go. Messages never contain credentials. @default console */
  logger?: RateLimitLogger | undefined
}
