export { type Clock, systemClock } from './clock.js'
export {
  RateLimitedError,
  type RateLimitedErrorOptions,
  RateLimitQueueFullError,
} from './errors.js'
export type {
  BudgetEvent,
  RateLimitEventBase,
  RateLimitEvents,
  RateLimitedEvent,
  RateLimitListener,
  ResumeEvent,
  ThrottleEvent,
} from './events.js'
export { type RateLimitHeaders, readRateLimitHeaders } from './headers.js'
export { MemoryRateLimitStore } from './memory-store.js'
export { type RateLimitPlugin, rateLimit } from './rate-limit-plugin.js'
export { RateLimiter } from './rate-limiter.js'
export type { RateLimiterOptions, RateLimitLogger } from './rate-limiter-options.js'
export type { DefaultRateLimitRule, RateLimitRule } from './rules.js'
export type { RateLimitSlot, RateLimitStats, RateLimitTarget, ScheduleOptions, SettleOutcome } from './slot.js'
export type {
  BucketRequest,
  BucketSnapshot,
  BudgetReport,
  RateLimitStore,
  SlotReport,
  SlotRequest,
  SlotResult,
  ThrottleReason,
} from './store.js'
// Kept out on purpose: the rule matcher, the bucket model and the gate (src/internal, src/rules.ts helpers) are
// implementation details; `recordRetry` is the plugin's private handle on the limiter's counters.
