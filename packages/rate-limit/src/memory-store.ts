import {
  acquireSlot,
  type BucketState,
  createBucketState,
  releaseSlot,
  settleSlot,
  snapshotOf,
} from './internal/bucket-state.js'
import type { BucketRequest, BucketSnapshot, RateLimitStore, SlotReport, SlotRequest, SlotResult } from './store.js'

/**
 * The default `RateLimitStore`: every bucket in this process's memory. Right for one process; for many processes
 * behind one API key, use the Redis store of `@b2bkit/redis`, which keeps the same model.
 *
 * @example
 * ```ts
 * const store = new MemoryRateLimitStore()
 * const orders = rateLimit({ rules, store })
 * const invoices = rateLimit({ rules: otherRules, store }) // one store may serve many limiters
 * ```
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #buckets = new Map<string, BucketState>()

  #bucket(key: string): BucketState {
    let state = this.#buckets.get(key)
    if (state === undefined) {
      state = createBucketState()
      this.#buckets.set(key, state)
    }
    return state
  }

  async acquire(key: string, request: SlotRequest): Promise<SlotResult> {
    return acquireSlot(this.#bucket(key), request)
  }

  async settle(key: string, slotId: string, report: SlotReport): Promise<BucketSnapshot> {
    return settleSlot(this.#bucket(key), slotId, report)
  }

  async release(key: string, slotId: string): Promise<void> {
    releaseSlot(this.#bucket(key), slotId)
  }

  async snapshot(key: string, request: BucketRequest): Promise<BucketSnapshot> {
    return snapshotOf(this.#bucket(key), request)
  }
}
