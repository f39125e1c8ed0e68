import PQueue from 'p-queue'
import type { Clock } from '../clock.js'
import { RateLimitedError } from '../errors.js'
import type { RateLimitStore, SlotResult, ThrottleReason } from '../store.js'
import type { Emitter } from './emitter.js'

/** The longest the gate sleeps before it asks the store again, whatever the store said. */
const maxSleepMs = 60_000

/** What every gate of one limiter shares. */
export interface GateContext {
  readonly store: RateLimitStore
  readonly clock: Required<Clock>
  readonly emitter: Emitter
  readonly leaseMs: number
  readonly maxRetryAfterMs: number
  readonly failLongPauses: boolean
  /** Called once for each request that has to wait. */
  readonly onThrottled: () => void
}

interface Waiter {
  throttled: boolean
}

/**
 * The door of one bucket. Requests line up in a p-queue (priority first, then arrival) with concurrency 1: the head
 * asks the store for a slot, and waits (on the store's wait time, or until a slot of this bucket is settled) until it
 * gets one. So the store decides when, and the queue decides who.
 */
export class BucketGate {
  readonly #queue = new PQueue({ concurrency: 1 })
  readonly #waiters = new Set<Waiter>()
  readonly #wakers = new Set<() => void>()
  #version = 0
  #waitingSince: number | undefined
  #waitingReason: ThrottleReason | undefined

  constructor(
    readonly key: string,
    readonly limit: number | undefined,
    readonly intervalMs: number | undefined,
    private readonly context: GateContext,
  ) {}

  /** How many requests wait for a slot of this bucket. */
  get queueLength(): number {
    return this.#waiters.size
  }

  /** Waits for a slot and returns its id. Rejects with the abort reason if `signal` aborts first. */
  async acquire(priority: number, signal: AbortSignal | undefined): Promise<string> {
    // Nobody waits, nobody is at the door and the bucket is not throttled: ask the store at once, as the head of the
    // line would, without queueing. Only when it says no does the request take its place in the line.
    if (this.#queue.size === 0 && this.#queue.pending === 0 && this.#waitingSince === undefined) {
      const result = await this.#ask(this.context.clock.now(), signal)
      if (result.granted) return result.slotId
    }
    const waiter: Waiter = { throttled: false }
    this.#waiters.add(waiter)
    if (this.#waitingSince !== undefined) this.#markThrottled(waiter)
    try {
      return await this.#queue.add(() => this.#take(signal), { priority, signal })
    } finally {
      this.#waiters.delete(waiter)
    }
  }

  /** Something changed in the bucket (a slot settled or was released): the head asks again at once. */
  notify(): void {
    this.#version++
    for (const wake of this.#wakers) wake()
  }

  #markThrottled(waiter: Waiter): void {
    if (waiter.throttled) return
    waiter.throttled = true
    this.context.onThrottled()
  }

  /** One request to the store; a slot granted to a request that was aborted meanwhile is given back. */
  async #ask(now: number, signal: AbortSignal | undefined): Promise<SlotResult> {
    const { store, leaseMs } = this.context
    const result = await store.acquire(this.key, { now, limit: this.limit, intervalMs: this.intervalMs, leaseMs })
    if (result.granted && signal?.aborted) {
      await store.release(this.key, result.slotId)
      signal.throwIfAborted()
    }
    return result
  }

  async #take(signal: AbortSignal | undefined): Promise<string> {
    const { clock, leaseMs } = this.context
    for (;;) {
      signal?.throwIfAborted()
      const version = this.#version
      const now = clock.now()
      const result = await this.#ask(now, signal)
      if (result.granted) {
        this.#resume(now, result.snapshot.remaining, result.snapshot.resetAt)
        return result.slotId
      }
      const waitMs = Number.isFinite(result.waitMs) ? Math.max(1, result.waitMs) : leaseMs
      if (result.reason === 'paused' && this.context.failLongPauses && waitMs > this.context.maxRetryAfterMs) {
        throw new RateLimitedError(this.key, now + waitMs, waitMs)
      }
      if (this.#waitingReason !== result.reason) {
        this.#waitingSince ??= now
        this.#waitingReason = result.reason
        for (const waiter of this.#waiters) this.#markThrottled(waiter)
        const { remaining, resetAt } = result.snapshot
        this.context.emitter.emit('throttle', {
          rule: this.key,
          reason: result.reason,
          waitMs,
          remaining,
          resetAt,
          queueLength: this.queueLength,
        })
      }
      // A settle that happened while the store answered would otherwise be missed until the timer fires.
      if (version === this.#version) await this.#sleep(Math.min(waitMs, maxSleepMs), signal)
    }
  }

  #resume(now: number, remaining: number | undefined, resetAt: number | undefined): void {
    if (this.#waitingSince === undefined) return
    const waitedMs = now - this.#waitingSince
    this.#waitingSince = undefined
    this.#waitingReason = undefined
    // The head that got the slot is leaving the line.
    const queueLength = Math.max(0, this.queueLength - 1)
    this.context.emitter.emit('resume', { rule: this.key, waitedMs, remaining, resetAt, queueLength })
  }

  async #sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
    const controller = new AbortController()
    const wake = () => controller.abort()
    this.#wakers.add(wake)
    signal?.addEventListener('abort', wake, { once: true })
    try {
      await this.context.clock.sleep(milliseconds, controller.signal)
    } finally {
      this.#wakers.delete(wake)
      signal?.removeEventListener('abort', wake)
    }
  }
}
