// Tries a step again after a failure that may pass. Only for steps that are safe to repeat: reads, and creates the
// provider recognises as repeats (an invoice number, a buyerReference, an introducerReference).
import type { StepRetryOptions } from '../job-config.ts'
import { classifyFailure } from './failures.ts'

/** Sleeps `milliseconds`, or rejects with the signal's reason when it aborts first. */
export function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason)
      return
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, milliseconds)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** The pause before attempt `attempt + 1`: doubling from `baseDelayMs`, at most `maxDelayMs`, with full jitter. */
export function backoffMs(attempt: number, retry: StepRetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** What a retried step needs: the policy, the job's signal, and a listener for the retries. */
export interface RetryContext {
  retry: StepRetryOptions
  signal: AbortSignal
  /** Called before each new attempt. */
  onRetry?: (() => void) | undefined
}

/**
 * Runs `step` until it succeeds, fails in a way that will not pass, or runs out of attempts; then throws the last
 * error. `step` gets the attempt number (1 for the first).
 */
export async function retryStep<T>(context: RetryContext, step: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(attempt)
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason
      if (attempt >= context.retry.attempts || classifyFailure(error) !== 'transient') throw error
    }
    await sleep(backoffMs(attempt, context.retry), context.signal)
    context.onRetry?.()
  }
}
