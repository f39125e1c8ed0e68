import { readRateLimitHeaders } from '../headers.js'
import type { SettleOutcome } from '../slot.js'
import type { BucketSnapshot, BudgetReport } from '../store.js'
import type { BucketGate } from './bucket-gate.js'
import type { Emitter } from './emitter.js'
import type { ResolvedOptions } from './resolve-options.js'

/** A pause to take after a 429 that says nothing about when to come back, when the rule's window is unknown. */
const unknownPauseMs = 1000

export interface SettleContext extends ResolvedOptions {
  readonly emitter: Emitter
  readonly warn: (message: string) => void
}

/**
 * Settles one slot with what its response said: the budget from the headers (when adaptive), and after a 429 a
 * pause of the whole rule until the server's Retry-After (or reset), bounded by `maxRetryAfterMs`.
 */
export async function settleResponse(
  gate: BucketGate,
  slotId: string,
  response: Response | undefined,
  context: SettleContext,
): Promise<SettleOutcome> {
  const { clock, adaptive, maxRetryAfterMs, warn } = context
  const now = clock.now()
  const rateLimited = response?.status === 429
  const headers =
    response !== undefined && (adaptive || rateLimited) ? readRateLimitHeaders(response.headers, now) : undefined
  for (const problem of headers?.problems ?? []) warn(problem)

  let budget: BudgetReport | undefined
  if (adaptive && headers !== undefined) {
    // A reset further away than any wait the user accepts is hostile or broken; it must not stall the rule.
    const horizon = now + Math.max(maxRetryAfterMs, gate.intervalMs ?? 0)
    let { resetAt } = headers
    if (resetAt !== undefined && resetAt > horizon) {
      warn(`a reset ${Math.round((resetAt - now) / 1000)} s away is beyond maxRetryAfterMs; clamped`)
      resetAt = horizon
    }
    const { present, limit, remaining, windowMs } = headers
    budget = { present, limit, remaining, resetAt, windowMs }
  }

  let outcome: SettleOutcome = { status: 'ok' }
  if (rateLimited && headers !== undefined) {
    let retryAt = headers.retryAt ?? headers.resetAt
    if (retryAt === undefined) {
      const pauseMs = Math.min(gate.intervalMs ?? unknownPauseMs, maxRetryAfterMs)
      warn(`a 429 without Retry-After or a reset; pausing the rule for ${pauseMs} ms`)
      retryAt = now + pauseMs
    }
    let action: 'retry' | 'fail' = 'retry'
    if (retryAt - now > maxRetryAfterMs) {
      if (context.retryAfterPolicy === 'fail') {
        action = 'fail'
      } else {
        warn(`the server asked for a pause longer than maxRetryAfterMs; pausing ${maxRetryAfterMs} ms instead`)
        retryAt = now + maxRetryAfterMs
      }
    }
    outcome = { status: 'rate-limited', retryAt, retryAfterMs: retryAt - now, action }
  }

  let snapshot: BucketSnapshot
  try {
    snapshot = await context.store.settle(gate.key, slotId, {
      now,
      limit: gate.limit,
      intervalMs: gate.intervalMs,
      budget,
      pauseUntil: outcome.status === 'rate-limited' ? outcome.retryAt : undefined,
    })
  } catch (error) {
    // The response is good; losing its bookkeeping must not fail the caller. The slot's lease frees it in time.
    warn(`the store could not settle a slot: ${error instanceof Error ? error.message : String(error)}`)
    return outcome
  }
  const event = {
    rule: gate.key,
    remaining: snapshot.remaining,
    resetAt: snapshot.resetAt,
    queueLength: gate.queueLength,
  }
  if (budget?.present === true) context.emitter.emit('budget', { ...event, limit: snapshot.limit })
  if (outcome.status === 'rate-limited') context.emitter.emit('rate-limited', { ...event, retryAt: outcome.retryAt })
  return outcome
}
