import type { Clock } from './clock.js'
import { RateLimitedError, RateLimitQueueFullError } from './errors.js'
import type { RateLimitEvents, RateLimitListener, ThrottleEvent } from './events.js'
import { BucketGate } from './internal/bucket-gate.js'
import { Emitter } from './internal/emitter.js'
import { type ResolvedOptions, resolveOptions } from './internal/resolve-options.js'
import { learnedRouteKey } from './internal/route-key.js'
import { settleResponse } from './internal/settle-response.js'
import { type DefaultRateLimitRule, matchRule, type RateLimitRule } from './rules.js'
import type { BucketSnapshot, RateLimitStore } from './store.js'

/** Where the limiter writes what it had to clamp or ignore (hostile headers, a 429 without Retry-After). */
export interface RateLimitLogger {
  warn(message: string): void
}

/** Options of `RateLimiter` and of the `rateLimit()` plugin. */
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

/** The request a slot is for. */
export interface RateLimitTarget {
  /** The HTTP method. */
  method: string
  /** The full URL (only its path is matched against the rules). */
  url: string | URL
  /** Higher runs first among waiting requests of the same rule: give interactive calls a higher one. @default 0 */
  priority?: number | undefined
  /** Aborting it removes the request from the queue; `acquire` rejects with the abort reason. */
  signal?: AbortSignal | undefined
}

/** What settling a slot found. */
export type SettleOutcome =
  | { status: 'ok' }
  | {
      status: 'rate-limited'
      /** When the rule accepts requests again (epoch milliseconds). */
      retryAt: number
      /** How long the pause is from the moment of settling, in milliseconds. */
      retryAfterMs: number
      /** `'retry'` once the pause is over, or `'fail'` when the pause exceeds `maxRetryAfterMs` under the `'fail'` policy. */
      action: 'retry' | 'fail'
    }

/** A slot in a rule's budget, held from before the request is sent until its response arrives. */
export interface RateLimitSlot {
  /** The rule (bucket) the slot belongs to; undefined when the request is not limited at all. */
  readonly rule: string | undefined
  /** The request was answered (pass the response) or failed (pass nothing). Settling twice does nothing. */
  settle(response?: Response): Promise<SettleOutcome>
  /** The request was never sent: give the slot back. */
  release(): Promise<void>
}

/** Counters for a dashboard, since the limiter was made. */
export interface RateLimitStats {
  /** Requests waiting for a slot now. */
  waiting: number
  /** Requests holding a slot now (sent, not yet answered). */
  inFlight: number
  /** Requests that had to wait for a slot. */
  throttledTotal: number
  /** 429 responses seen. */
  rateLimitedTotal: number
  /** Retries the ky plugin made after a 429 (or `schedule()` did). */
  retriesTotal: number
  /** Requests refused because `maxQueued` requests already waited. */
  queueFullTotal: number
}

/** Options of one `schedule()` call. */
export interface ScheduleOptions extends RateLimitTarget {
  /** How often a 429 is retried after its pause. @default 2 */
  retryLimit?: number | undefined
}

/** Internal: lets the ky plugin count the retries it makes. */
export const recordRetry: unique symbol = Symbol('b2bkit.rateLimit.recordRetry')

const unlimitedSlot: RateLimitSlot = {
  rule: undefined,
  settle: async () => ({ status: 'ok' }),
  release: async () => {},
}

/**
 * A client-side rate limiter that sends at the full allowed rate without 429s: it holds each request's slot from
 * before it is sent until its response arrives, reads every rate-limit header, pauses a whole rule on a 429, and
 * orders waiting requests by priority. Use it through the `rateLimit()` ky plugin, or directly around any `fetch`.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rules: [{ path: '/orders', limit: 5, intervalMs: 1000 }] })
 * const response = await limiter.schedule({ method: 'GET', url }, () => fetch(url))
 * limiter.on('throttle', (event) => console.log(event.rule, 'waits', event.waitMs, 'ms'))
 * ```
 */
export class RateLimiter {
  readonly #options: ResolvedOptions
  readonly #emitter: Emitter
  readonly #gates = new Map<string, BucketGate>()
  readonly #counters = { inFlight: 0, throttledTotal: 0, rateLimitedTotal: 0, retriesTotal: 0, queueFullTotal: 0 }
  readonly #warned = new Set<string>()
  #waiting = 0

  constructor(options: RateLimiterOptions = {}) {
    this.#options = resolveOptions(options)
    this.#emitter = new Emitter((error) => this.#warn(`an event listener threw: ${String(error)}`))
    if (options.onThrottle !== undefined) this.#emitter.on('throttle', options.onThrottle)
  }

  /** Listens to an event; returns a function that stops listening. */
  on<Name extends keyof RateLimitEvents>(name: Name, listener: RateLimitListener<Name>): () => void {
    return this.#emitter.on(name, listener)
  }

  /** The rule a request goes to, or undefined when it is not limited. */
  ruleFor(method: string, url: string | URL): string | undefined {
    return this.#gateFor(method, url)?.key
  }

  /** The counters since the limiter was made. */
  stats(): RateLimitStats {
    return { waiting: this.#waiting, ...this.#counters }
  }

  /** A rule's budget now, as the store sees it. */
  async snapshot(rule: string): Promise<BucketSnapshot> {
    const gate = this.#gates.get(rule)
    const request = { now: this.#options.clock.now(), limit: gate?.limit, intervalMs: gate?.intervalMs }
    return this.#options.store.snapshot(rule, request)
  }

  /**
   * Waits for a slot for `target`. Settle the slot with the response when it arrives (or with nothing when the
   * request failed), or release it when the request was never sent.
   */
  async acquire(target: RateLimitTarget): Promise<RateLimitSlot> {
    const { signal, priority = 0 } = target
    if (typeof priority !== 'number' || Number.isNaN(priority)) throw new TypeError('priority must be a number')
    signal?.throwIfAborted()
    const gate = this.#gateFor(target.method, target.url)
    if (gate === undefined) return unlimitedSlot
    if (this.#waiting >= this.#options.maxQueued) {
      this.#counters.queueFullTotal++
      throw new RateLimitQueueFullError(gate.key, this.#options.maxQueued)
    }
    this.#waiting++
    let slotId: string
    try {
      slotId = await gate.acquire(priority, signal)
    } finally {
      this.#waiting--
    }
    this.#counters.inFlight++
    return this.#slot(gate, slotId)
  }

  /**
   * Runs `task` in a slot for `target`, settles the slot with its result (when that is a `Response`), and after a
   * 429 waits out the pause and runs `task` again, up to `retryLimit` times.
   */
  async schedule<Result>(options: ScheduleOptions, task: () => Promise<Result>): Promise<Result> {
    const { retryLimit = 2, ...target } = options
    for (let attempt = 0; ; attempt++) {
      const slot = await this.acquire(target)
      let result: Result
      try {
        result = await task()
      } catch (error) {
        await slot.settle()
        throw error
      }
      const outcome = await slot.settle(result instanceof Response ? result : undefined)
      if (outcome.status === 'ok' || !(result instanceof Response)) return result
      if (outcome.action === 'fail') {
        throw new RateLimitedError(slot.rule ?? '', outcome.retryAt, outcome.retryAfterMs, { response: result })
      }
      if (attempt >= retryLimit) return result
      this[recordRetry]()
      await result.body?.cancel()
    }
  }

  /** @internal */
  [recordRetry](): void {
    this.#counters.retriesTotal++
  }

  #gateFor(method: string, url: string | URL): BucketGate | undefined {
    const path = new URL(url, 'http://localhost').pathname
    const { rules, defaultRule, adaptive } = this.#options
    const rule = matchRule(rules, method, path) ?? defaultRule
    if (rule === undefined && !adaptive) return undefined
    const key = rule?.key ?? learnedRouteKey(method, path)
    let gate = this.#gates.get(key)
    if (gate === undefined) {
      gate = new BucketGate(key, rule?.limit, rule?.intervalMs, {
        ...this.#options,
        emitter: this.#emitter,
        failLongPauses: this.#options.retryAfterPolicy === 'fail',
        onThrottled: () => this.#counters.throttledTotal++,
      })
      this.#gates.set(key, gate)
    }
    return gate
  }

  #slot(gate: BucketGate, slotId: string): RateLimitSlot {
    let done = false
    const finish = () => {
      if (done) return false
      done = true
      this.#counters.inFlight--
      return true
    }
    return {
      rule: gate.key,
      settle: async (response) => {
        if (!finish()) return { status: 'ok' }
        try {
          const result = await settleResponse(gate, slotId, response, {
            ...this.#options,
            emitter: this.#emitter,
            warn: (message) => this.#warn(`${gate.key}: ${message}`),
          })
          if (result.status === 'rate-limited') this.#counters.rateLimitedTotal++
          return result
        } finally {
          gate.notify()
        }
      },
      release: async () => {
        if (!finish()) return
        try {
          await this.#options.store.release(gate.key, slotId)
        } finally {
          gate.notify()
        }
      },
    }
  }

  #warn(message: string): void {
    // Each distinct warning once, and a bounded number of them, so a hostile server cannot flood the log.
    if (this.#warned.has(message) || this.#warned.size >= 100) return
    this.#warned.add(message)
    this.#options.logger.warn(`@b2bkit/rate-limit: ${message}`)
  }
}
