import type { Clock } from './clock.js'
import type { Random } from './random.js'

/** When a fault strikes a write: before the emulator applies it (it did not land) or after (it did). */
export type FaultTiming = 'before-apply' | 'after-apply' | 'random'

/**
 * Faults to inject. Every field is optional; `setFaults({})` turns all faults off.
 *
 * @example { errorRate: 0.1, resetRate: 0.02, latencyMs: [0, 200], tokenOutage: { durationMs: 10_000 } }
 */
export interface FaultOptions {
  /** Added latency before each answer: a fixed number of milliseconds or a `[minimum, maximum]` range. @default 0 */
  latencyMs?: number | readonly [number, number]
  /** Share (0–1) of requests answered with a 5xx status from `errorStatuses`. @default 0 */
  errorRate?: number
  /** The statuses injected errors use, picked at random. @default [500, 502, 503] */
  errorStatuses?: readonly number[]
  /** Share (0–1) of requests whose connection is reset instead of answered. @default 0 */
  resetRate?: number
  /**
   * When injected errors and resets strike a write: `'before-apply'` (the write did not land),
   * `'after-apply'` (it landed but the client cannot know), or `'random'` (either, half each).
   * @default 'before-apply'
   */
  timing?: FaultTiming
  /** The token endpoint answers 503: `true` until switched off, or for `durationMs` from now. @default false */
  tokenOutage?: boolean | { durationMs: number }
  /**
   * Early token expiry: tokens are refused as expired this many milliseconds after they were issued,
   * although `expires_in` promised longer. @default undefined (tokens live their full TTL)
   */
  tokenLifetimeMs?: number
  /** Slow bodies: each response body is trickled out over this many milliseconds. @default 0 */
  slowBodyMs?: number
}

/** What the fault layer decided for one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: number; beforeApply: boolean }
  | { kind: 'reset'; beforeApply: boolean }

/** Holds the faults in force, switchable at run time, and makes the seeded random decisions. */
export class FaultController {
  private options: FaultOptions = {}
  private tokenOutageUntil = 0

  constructor(
    private readonly random: Random,
    private readonly clock: Clock,
    initial: FaultOptions = {},
  ) {
    this.set(initial)
  }

  /** Replaces the faults in force. A `tokenOutage` with `durationMs` starts now. */
  set(options: FaultOptions): void {
    validateFaults(options)
    this.options = { ...options }
    const outage = options.tokenOutage
    this.tokenOutageUntil =
      outage === true ? Number.POSITIVE_INFINITY : outage ? this.clock.now() + outage.durationMs : 0
  }

  /** The faults in force. */
  get current(): Readonly<FaultOptions> {
    return this.options
  }

  /** The latency to add to this request, in milliseconds. */
  latencyMs(): number {
    const latency = this.options.latencyMs ?? 0
    if (typeof latency === 'number') return latency
    const [minimum, maximum] = latency
    return minimum + this.random.next() * (maximum - minimum)
  }

  /** Whether this request gets an error, a reset, or nothing. */
  decide(): FaultDecision {
    const roll = this.random.next()
    const errorRate = this.options.errorRate ?? 0
    const resetRate = this.options.resetRate ?? 0
    if (roll >= errorRate + resetRate) return { kind: 'none' }
    const timing = this.options.timing ?? 'before-apply'
    const beforeApply = timing === 'random' ? this.random.next() < 0.5 : timing === 'before-apply'
    if (roll < resetRate) return { kind: 'reset', beforeApply }
    const statuses = this.options.errorStatuses ?? [500, 502, 503]
    return { kind: 'error', status: this.random.pick(statuses), beforeApply }
  }

  /** Whether the token endpoint is in an outage right now. */
  tokenOutage(): boolean {
    return this.clock.now() < this.tokenOutageUntil
  }

  /** Milliseconds until the outage ends, or `undefined` when it lasts until switched off. */
  tokenOutageRemainingMs(): number | undefined {
    return Number.isFinite(this.tokenOutageUntil) ? Math.max(0, this.tokenOutageUntil - this.clock.now()) : undefined
  }

  /** Milliseconds after issue when tokens are refused, when early expiry is on. */
  get tokenLifetimeMs(): number | undefined {
    return this.options.tokenLifetimeMs
  }

  /** Milliseconds over which to trickle each body. */
  get slowBodyMs(): number {
    return this.options.slowBodyMs ?? 0
  }
}

function validateFaults(options: FaultOptions): void {
  for (const name of ['errorRate', 'resetRate'] as const) {
    const value = options[name]
    if (value !== undefined && !(value >= 0 && value <= 1))
      throw new RangeError(`faults.${name} must be between 0 and 1`)
  }
  if ((options.errorRate ?? 0) + (options.resetRate ?? 0) > 1) {
    throw new RangeError('faults.errorRate and faults.resetRate must add up to at most 1')
  }
  if (options.errorStatuses?.some((status) => status < 500 || status > 599)) {
    throw new RangeError('faults.errorStatuses must be 5xx statuses')
  }
}
