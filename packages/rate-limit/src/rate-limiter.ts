import { RateLimitedError, RateLimitQueueFullError } from './errors.js'
import type { RateLimitEvents, RateLimitListener } from './events.js'
import { BucketGate } from './internal/bucket-gate.js'
import { Emitter } from './internal/emitter.js'
import { type ResolvedOptions, resolveOptions } from './internal/resolve-options.js'
import { learnedRouteKey } from './internal/route-key.js'
import { settleResponse } from './internal/settle-response.js'
import type { RateLimiterOptions } from './rate-limiter-options.js'
import { matchRule } from './rules.js'
import type { RateLimitSlot, RateLimitStats, RateLimitTarget, ScheduleOptions } from './slot.js'
import type { BucketSnapshot } from './store.js'

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
