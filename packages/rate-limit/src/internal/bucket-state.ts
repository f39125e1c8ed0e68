import type { BucketRequest, BucketSnapshot, SlotReport, SlotRequest, SlotResult } from '../store.js'

/**
 * The bucket model of `RateLimitStore` as plain functions over plain data, so the in-memory store is a thin
 * wrapper and a remote store can port each function to one atomic script.
 */

interface Slot {
  id: string
  acquiredAt: number
  /** When an unanswered request stops counting as in flight. */
  leaseEndsAt: number
  /** When the slot stops counting against the limit. */
  expiresAt: number
}

interface Cap {
  remaining: number
  resetAt: number
}

export interface BucketState {
  /** Slots of requests sent and not yet answered, while their lease runs. */
  inFlight: Map<string, Slot>
  /**
   * Slots of answered requests (and of requests whose lease ran out), in the order they stop counting, from
   * `settledHead` on: the earliest to expire is always first, so purging and finding the next release cost nothing
   * per slot still counting.
   */
  settled: Slot[]
  settledHead: number
  nextSlotId: number
  learnedLimit: number | undefined
  learnedIntervalMs: number | undefined
  cap: Cap | undefined
  pausedUntil: number
  unlimited: boolean
  /**
   * When recently purged slots stopped counting, kept while a request sent before then is still in flight: its
   * answer may report a count that includes them.
   */
  expired: number[]
}

/**
 * How soon to ask again when only in-flight requests hold the budget. Their answers may come from another limiter
 * or process sharing the store, which cannot wake this one.
 */
const inFlightPollMs = 100

/** Two resets this close belong to the same server window: headers give them in whole seconds. */
const sameWindowToleranceMs = 1000

export function createBucketState(): BucketState {
  return {
    inFlight: new Map(),
    settled: [],
    settledHead: 0,
    nextSlotId: 0,
    learnedLimit: undefined,
    learnedIntervalMs: undefined,
    cap: undefined,
    pausedUntil: 0,
    unlimited: false,
    expired: [],
  }
}

function budgetOf(state: BucketState, request: BucketRequest) {
  return { limit: state.learnedLimit ?? request.limit, intervalMs: state.learnedIntervalMs ?? request.intervalMs }
}

/** Slots counting against the limit: in flight, or answered within the interval. */
function slotCount(state: BucketState): number {
  return state.inFlight.size + state.settled.length - state.settledHead
}

/** Adds a slot to the settled ones, keeping them in expiry order (nearly always at the end). */
function addSettled(state: BucketState, slot: Slot): void {
  const { settled } = state
  let index = settled.length
  while (index > state.settledHead && (settled[index - 1] as Slot).expiresAt > slot.expiresAt) index--
  if (index === settled.length) settled.push(slot)
  else settled.splice(index, 0, slot)
}

/** Takes a slot out of the settled ones; rare (a request answered or dropped after its lease ran out). */
function takeSettled(state: BucketState, slotId: string): void {
  const index = findSettled(state, slotId)
  if (index !== -1) state.settled.splice(index, 1)
}

function findSettled(state: BucketState, slotId: string): number {
  for (let index = state.settledHead; index < state.settled.length; index++) {
    if ((state.settled[index] as Slot).id === slotId) return index
  }
  return -1
}

function purge(state: BucketState, now: number): void {
  let oldestInFlight = Number.POSITIVE_INFINITY
  for (const [id, slot] of state.inFlight) {
    if (now >= slot.leaseEndsAt) {
      state.inFlight.delete(id)
      addSettled(state, slot)
    } else oldestInFlight = Math.min(oldestInFlight, slot.acquiredAt)
  }
  const { settled } = state
  while (state.settledHead < settled.length && (settled[state.settledHead] as Slot).expiresAt <= now) {
    const { expiresAt } = settled[state.settledHead] as Slot
    state.settledHead++
    if (expiresAt > oldestInFlight) state.expired.push(expiresAt)
  }
  if (state.settledHead > 1024 && state.settledHead * 2 > settled.length) {
    state.settled = settled.slice(state.settledHead)
    state.settledHead = 0
  }
  if (state.expired.length > 0) state.expired = state.expired.filter((expiresAt) => expiresAt > oldestInFlight)
  if (state.cap !== undefined && state.cap.resetAt <= now) state.cap = undefined
  if (state.pausedUntil <= now) state.pausedUntil = 0
}

/** The earliest time a settled slot stops counting (an in-flight one cannot free a slot sooner). */
function nextRelease(state: BucketState): number | undefined {
  return state.settled[state.settledHead]?.expiresAt
}

export function snapshotOf(state: BucketState, request: BucketRequest): BucketSnapshot {
  purge(state, request.now)
  const { limit, intervalMs } = budgetOf(state, request)
  const local = limit !== undefined && intervalMs !== undefined ? Math.max(0, limit - slotCount(state)) : undefined
  const remaining = state.cap === undefined ? local : Math.min(state.cap.remaining, local ?? Number.POSITIVE_INFINITY)
  const resetAt = state.pausedUntil > 0 ? state.pausedUntil : (state.cap?.resetAt ?? nextRelease(state))
  return {
    limit,
    intervalMs,
    remaining,
    resetAt,
    inFlight: state.inFlight.size,
    pausedUntil: state.pausedUntil > 0 ? state.pausedUntil : undefined,
  }
}

export function acquireSlot(state: BucketState, request: SlotRequest): SlotResult {
  const { now } = request
  purge(state, now)
  const deny = (reason: 'budget' | 'paused' | 'probe', until: number | undefined): SlotResult => ({
    granted: false,
    reason,
    waitMs: Math.max(1, (until ?? now + inFlightPollMs) - now),
    snapshot: snapshotOf(state, request),
  })
  if (state.pausedUntil > now) return deny('paused', state.pausedUntil)
  if (state.cap !== undefined && state.cap.remaining <= 0) return deny('budget', state.cap.resetAt)
  const { limit, intervalMs } = budgetOf(state, request)
  const known = limit !== undefined && intervalMs !== undefined
  if (known && slotCount(state) >= limit) return deny('budget', nextRelease(state))
  if (!known && state.cap === undefined && !state.unlimited && state.inFlight.size > 0) return deny('probe', undefined)
  state.nextSlotId++
  const slotId = String(state.nextSlotId)
  const leaseEndsAt = now + request.leaseMs
  state.inFlight.set(slotId, { id: slotId, acquiredAt: now, leaseEndsAt, expiresAt: leaseEndsAt + (intervalMs ?? 0) })
  if (state.cap !== undefined) state.cap.remaining--
  return { granted: true, slotId, snapshot: snapshotOf(state, request) }
}

export function settleSlot(state: BucketState, slotId: string, report: SlotReport): BucketSnapshot {
  const { now, budget } = report
  purge(state, now)
  if (budget?.present === true) {
    state.unlimited = false
    if (budget.limit !== undefined) state.learnedLimit = budget.limit
    if (budget.windowMs !== undefined) state.learnedIntervalMs = budget.windowMs
  }
  const { limit, intervalMs } = budgetOf(state, report)
  const answered = state.inFlight.get(slotId)
  if (answered !== undefined) {
    state.inFlight.delete(slotId)
    answered.expiresAt = now + (intervalMs ?? 0)
    addSettled(state, answered)
  }
  const slot = answered ?? state.settled[findSettled(state, slotId)]
  if (budget?.present === true && budget.remaining !== undefined) {
    const resetAt = budget.resetAt ?? now + (intervalMs ?? sameWindowToleranceMs)
    const known = limit !== undefined && intervalMs !== undefined
    // When the server has counted no more requests than this bucket may have sent, the log already keeps us under
    // the limit; only usage the log cannot explain (another client, an earlier run) needs a cap. The count was made
    // when this request arrived, so slots that stopped counting since it was sent may be part of it.
    const sentAt = slot?.acquiredAt ?? now
    const mayHaveCounted = slotCount(state) + state.expired.filter((expiresAt) => expiresAt > sentAt).length
    const explained = known && limit - budget.remaining <= mayHaveCounted
    if (resetAt > now && !explained) {
      mergeCap(state, { remaining: Math.max(0, budget.remaining - state.inFlight.size), resetAt })
    }
  } else if (budget?.present === false && limit === undefined) {
    state.unlimited = true
  }
  if (report.pauseUntil !== undefined && report.pauseUntil > now) {
    state.pausedUntil = Math.max(state.pausedUntil, report.pauseUntil)
    // The 429 proves the cap (if any) was wrong, and that the bucket is limited after all.
    state.cap = undefined
    state.unlimited = false
  }
  return snapshotOf(state, report)
}

function mergeCap(state: BucketState, candidate: Cap): void {
  const current = state.cap
  if (current === undefined || candidate.resetAt > current.resetAt + sameWindowToleranceMs) {
    state.cap = candidate
    return
  }
  // Same window: responses can arrive out of the order the server counted them, so keep the lower count.
  state.cap = {
    remaining: Math.min(current.remaining, candidate.remaining),
    resetAt: Math.max(current.resetAt, candidate.resetAt),
  }
}

export function releaseSlot(state: BucketState, slotId: string): void {
  if (!state.inFlight.delete(slotId)) takeSettled(state, slotId)
}
