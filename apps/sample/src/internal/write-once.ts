// Sends a write the provider does not recognise as a repeat (a bol shipment, a B2Brouter send). Sending it twice is
// what must never happen, so after a failure that may pass — the request may have landed and only its answer was
// lost — and on a run after a crash, the job asks the provider what became of it before it sends it again.
import { classifyFailure } from './failures.ts'
import { backoffMs, sleep } from './retry-step.ts'
import type { StepContext } from './step-context.ts'

/** How to send the write, how to find out whether it landed, and what to make of a refusal. */
export interface WriteOnceOptions<T> {
  /** Sends the write once (no blind retries of its own). */
  write(): Promise<T>
  /** Asks the provider whether the write (or an earlier one) landed: its result, or `undefined` when it did not. */
  find(): Promise<T | undefined>
  /** Whether to ask before the first write too: an earlier run may have sent it. */
  findFirst: boolean
  /**
   * Called with a failed write's error: a result when the failure means the work is done after all (a second send
   * the provider refuses as "already sent"), `undefined` to treat the error as usual. May throw.
   */
  recover?: ((error: unknown) => Promise<T | undefined>) | undefined
}

/** Runs the write at most once per attempt, and only after `find()` said it had not landed. */
export async function writeOnce<T>(context: StepContext, options: WriteOnceOptions<T>): Promise<T> {
  let findFirst = options.findFirst
  for (let attempt = 1; ; attempt++) {
    if (findFirst) {
      const found = await options.find()
      if (found !== undefined) return found
    }
    try {
      return await options.write()
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason
      const recovered = await options.recover?.(error)
      if (recovered !== undefined) return recovered
      if (attempt >= context.config.retry.attempts || classifyFailure(error) !== 'transient') throw error
    }
    findFirst = true
    await sleep(backoffMs(attempt, context.config.retry), context.signal)
  }
}
