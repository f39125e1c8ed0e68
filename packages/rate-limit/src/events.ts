import type { ThrottleReason } from './store.js'

/**
 * What every event says about a rule at the moment it fires.
 *
 * @example
 * ```ts
 * const show = ({ rule, remaining, queueLength }: RateLimitEventBase) => `${rule}: ${remaining} left, ${queueLength} waiting`
 * ```
 */
export interface RateLimitEventBase {
  /** The rule's name, such as `'GET /retailer/orders/*'`, `'default'`, or a learned route such as `'GET /orders/*'`. */
  rule: string
  /** How many more requests may start now; undefined while the budget is unknown or unlimited. */
  remaining: number | undefined
  /** When the next slot frees or the server's window resets (epoch milliseconds), if known. */
  resetAt: number | undefined
  /** How many requests wait for this rule. */
  queueLength: number
}

/**
 * A request had to wait: the rule's budget is used up, a 429 paused it, or its budget is still unknown. Fires once
 * when a rule starts waiting (and again if the reason changes), not for every waiting request.
 *
 * @example
 * ```ts
 * limiter.on('throttle', ({ rule, reason, waitMs, queueLength }) => status.set(rule, { reason, waitMs, queueLength }))
 * ```
 */
export interface ThrottleEvent extends RateLimitEventBase {
  /** Why it waits. */
  reason: ThrottleReason
  /** How long the limiter expects to wait before it asks again, in milliseconds. */
  waitMs: number
}

/**
 * The rule has a free slot again after waiting.
 *
 * @example
 * ```ts
 * limiter.on('resume', ({ rule, waitedMs }) => metrics.histogram('rate_limit_wait_ms', waitedMs, { rule }))
 * ```
 */
export interface ResumeEvent extends RateLimitEventBase {
  /** How long the head of the queue waited, in milliseconds. */
  waitedMs: number
}

/**
 * A response's headers told the rule's budget (fires for every response that carries rate-limit headers).
 *
 * @example
 * ```ts
 * limiter.on('budget', ({ rule, limit, remaining }) => gauge.set({ rule }, remaining ?? limit ?? 0))
 * ```
 */
export interface BudgetEvent extends RateLimitEventBase {
  /** The limit in force after the response. */
  limit: number | undefined
}

/**
 * The server answered 429: the rule is paused until `retryAt`.
 *
 * @example
 * ```ts
 * limiter.on('rate-limited', ({ rule, retryAt }) => alert(`${rule} paused until ${new Date(retryAt).toISOString()}`))
 * ```
 */
export interface RateLimitedEvent extends RateLimitEventBase {
  /** When the rule's requests may start again (epoch milliseconds). */
  retryAt: number
}

/**
 * The events a `RateLimiter` emits, by name.
 *
 * @example
 * ```ts
 * const stop = limiter.on('throttle', (event: RateLimitEvents['throttle']) => console.log(event.rule))
 * stop()
 * ```
 */
export interface RateLimitEvents {
  throttle: ThrottleEvent
  resume: ResumeEvent
  budget: BudgetEvent
  'rate-limited': RateLimitedEvent
}

/**
 * A listener of one event. A listener that throws is logged and never breaks the limiter.
 *
 * @example
 * ```ts
 * const onResume: RateLimitListener<'resume'> = ({ rule }) => console.log(rule, 'resumes')
 * ```
 */
export type RateLimitListener<Name extends keyof RateLimitEvents> = (event: RateLimitEvents[Name]) => void
