import { ConfigurationError } from '@b2bkit/http'
import { type Clock, systemClock } from '../clock.js'
import { MemoryRateLimitStore } from '../memory-store.js'
import type { RateLimiterOptions, RateLimitLogger } from '../rate-limiter-options.js'
import { type CompiledRule, compileDefaultRule, compileRules } from '../rules.js'
import type { RateLimitStore } from '../store.js'

const maxTimerMs = 2_147_483_647

export interface ResolvedOptions {
  rules: CompiledRule[]
  defaultRule: CompiledRule | undefined
  adaptive: boolean
  store: RateLimitStore
  maxQueued: number
  maxRetryAfterMs: number
  retryAfterPolicy: 'wait' | 'fail'
  leaseMs: number
  clock: Required<Clock>
  logger: RateLimitLogger
}

/** Checks every option at construction, so a mistake fails there with a message that names it. */
export function resolveOptions(options: RateLimiterOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'must be an object such as { rules: [...] }')
  }
  const {
    rules,
    defaultRule,
    adaptive = true,
    store = new MemoryRateLimitStore(),
    maxQueued = 10_000,
    maxRetryAfterMs = 300_000,
    retryAfterPolicy = 'wait',
    leaseMs = 120_000,
    clock = systemClock,
    logger = console,
    onThrottle,
  } = options
  if (typeof adaptive !== 'boolean') throw new ConfigurationError('adaptive', 'must be true or false')
  for (const method of ['acquire', 'settle', 'release', 'snapshot'] as const) {
    if (typeof store?.[method] !== 'function') {
      throw new ConfigurationError('store', `must implement RateLimitStore: ${method}() is missing`)
    }
  }
  if (maxQueued !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxQueued) || maxQueued < 1)) {
    throw new ConfigurationError('maxQueued', 'must be a positive integer or Infinity')
  }
  checkMilliseconds(maxRetryAfterMs, 'maxRetryAfterMs')
  checkMilliseconds(leaseMs, 'leaseMs')
  if (retryAfterPolicy !== 'wait' && retryAfterPolicy !== 'fail') {
    throw new ConfigurationError('retryAfterPolicy', 'must be "wait" or "fail"')
  }
  if (typeof clock?.now !== 'function' || (clock.sleep !== undefined && typeof clock.sleep !== 'function')) {
    throw new ConfigurationError('clock', 'must have now(), and may have sleep(milliseconds, signal)')
  }
  if (typeof logger?.warn !== 'function') throw new ConfigurationError('logger', 'must have a warn(message) method')
  if (onThrottle !== undefined && typeof onThrottle !== 'function') {
    throw new ConfigurationError('onThrottle', 'must be a function')
  }
  return {
    rules: compileRules(rules),
    defaultRule: compileDefaultRule(defaultRule),
    adaptive,
    store,
    maxQueued,
    maxRetryAfterMs,
    retryAfterPolicy,
    leaseMs,
    clock: {
      now: () => clock.now(),
      sleep: (milliseconds, signal) => (clock.sleep ?? systemClock.sleep).call(clock, milliseconds, signal),
    },
    logger,
  }
}

function checkMilliseconds(value: unknown, option: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > maxTimerMs) {
    throw new ConfigurationError(option, `must be a positive number of milliseconds, at most ${maxTimerMs}`)
  }
}
