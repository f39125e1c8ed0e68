import { type Clock, systemClock } from './clock.js'
import type { DeprecationRule } from './deprecations.js'
import { FaultController, type FaultOptions } from './faults.js'
import { createRandom, deriveSeed, type Random } from './random.js'
import type { RateLimitOption } from './rate-limiter.js'
import { RequestLog } from './request-log.js'
import { TokenIssuer } from './tokens.js'

/** Options every emulator takes. */
export interface CommonEmulatorOptions {
  /** Port on 127.0.0.1; `0` picks a free one. @default 0 */
  port?: number
  /** Added latency per request (shorthand for `faults.latencyMs`). @default 0 */
  latencyMs?: number | readonly [number, number]
  /** Faults to start with; switch them later with `emulator.setFaults()`. @default {} */
  faults?: FaultOptions
  /** Rate limits: `false` for none, rules to add to (or replace) the provider's defaults. @default the provider's defaults */
  rateLimits?: RateLimitOption
  /** bol: how long a process stays `PENDING` before it ends. @default 200 */
  processDelayMs?: number
  /** Lifetime of issued access tokens (bol, SieSmart). @default 299 (bol), 86400 (SieSmart) */
  tokenTtlSeconds?: number
  /** Seed for generated data and fault decisions: the same seed gives the same run. @default 1 */
  seed?: number
  /** Endpoints to announce as deprecated (replaces the provider's default list). */
  deprecations?: readonly DeprecationRule[]
  /** Where the emulator reads the time. @default the system clock */
  clock?: Clock
}

/** The shared machinery of one running emulator. */
export interface Runtime {
  readonly clock: Clock
  readonly faults: FaultController
  readonly log: RequestLog
  /** Seeded generator for data (independent of fault decisions). */
  readonly random: Random
  readonly tokens: TokenIssuer
  deprecations: readonly DeprecationRule[]
  tokenRequestCount: number
  /** Runs `task` after `delayMs` unless the emulator stopped first. */
  schedule(task: () => void, delayMs: number): void
  /** Cancels every scheduled task. */
  cancelScheduled(): void
}

/** Builds the runtime from the common options. */
export function createRuntime(
  options: CommonEmulatorOptions,
  defaults: { tokenTtlSeconds: number; issuer: string; deprecations: readonly DeprecationRule[] },
): Runtime {
  const clock = options.clock ?? systemClock
  const seed = options.seed ?? 1
  const initialFaults: FaultOptions = { ...options.faults }
  if (options.latencyMs !== undefined && initialFaults.latencyMs === undefined)
    initialFaults.latencyMs = options.latencyMs
  const faults = new FaultController(createRandom(deriveSeed(seed, 'faults')), clock, initialFaults)
  const timers = new Set<ReturnType<typeof setTimeout>>()
  return {
    clock,
    faults,
    log: new RequestLog(),
    random: createRandom(deriveSeed(seed, 'data')),
    tokens: new TokenIssuer({
      ttlSeconds: options.tokenTtlSeconds ?? defaults.tokenTtlSeconds,
      issuer: defaults.issuer,
      clock,
      lifetimeMs: () => faults.tokenLifetimeMs,
    }),
    deprecations: options.deprecations ?? defaults.deprecations,
    tokenRequestCount: 0,
    schedule(task, delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        task()
      }, delayMs)
      timer.unref()
      timers.add(timer)
    },
    cancelScheduled() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
