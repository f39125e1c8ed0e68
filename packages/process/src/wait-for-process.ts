import { ConfigurationError } from '@b2bkit/http'
import { ProcessDeadlineError, ProcessExpiredError } from './errors.js'
import { outcomeOf } from './internal/outcome.js'
import { isTransient, retryAfterOf, statusOf } from './internal/poll-error.js'
import { positiveMs } from './internal/validate.js'
import type { PollBudget } from './poll-budget.js'
import { completeMapping, type ProcessStatus, type StatusMapping } from './process-status.js'
import { type Clock, realSleep, type Sleep, systemClock } from './timing.js'

/** What `onUpdate` learns with each status. */
export interface PollUpdate {
  /** How many polls have been answered, this one included. */
  polls: number
  /** Milliseconds since the wait began. */
  elapsedMs: number
}

/** Options of `waitForProcess()`. */
export interface WaitForProcessOptions<T> {
  /**
   * The pause before the second poll; each later pause is `backoffFactor` times longer, up to `maxIntervalMs`.
   * @default 1000
   */
  intervalMs?: number | undefined
  /** The longest pause between polls. @default 30_000 */
  maxIntervalMs?: number | undefined
  /** How much each pause grows. @default 1.5 */
  backoffFactor?: number | undefined
  /** Our deadline: give up with `ProcessDeadlineError` when the process is still pending this long after the start. @default 600_000 */
  timeoutMs?: number | undefined
  /** Stops the wait: the poll or pause in flight ends and the wait rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /** Called with every status polled, pending ones included. */
  onUpdate?: ((status: T, update: PollUpdate) => void) | undefined
  /** How to read the provider's status object. @default bol.com's `ProcessStatus` fields */
  mapping?: Partial<StatusMapping<T>> | undefined
  /** A budget each poll spends from. @default none */
  budget?: PollBudget | undefined
  /** @default the system clock */
  clock?: Clock | undefined
  /** @default a real timer */
  sleep?: Sleep | undefined
}

/**
 * Polls a long-running write until it ends. Resolves with the final status on `SUCCESS` (with `entityId` filled
 * from an earlier poll when the last one left it out); rejects with `ProcessFailedError` (with the provider's
 * `errorMessage`) on `FAILURE` or `TIMEOUT`.
 *
 * Between polls it waits `intervalMs`, growing by `backoffFactor` up to `maxIntervalMs`. A poll refused with
 * `Retry-After` (429, 503) waits as long as asked; other transient failures (408, 425, 5xx, network, time-out)
 * are polled through until the deadline. A 404 after the status was seen means it expired (`ProcessExpiredError`);
 * a 404 on the first poll is passed on as it came. `getStatus` should use your b2bkit client, so polls go through
 * its rate limiter and auth.
 *
 * @param getStatus - fetches the current status; pass its signal on to the request, so an abort ends it
 * @example
 * ```ts
 * const done = await waitForProcess(
 *   (signal) => http.get(`shared/process-status/${id}`, { signal }).json<ProcessStatus>(),
 *   { intervalMs: 1000, timeoutMs: 120_000 },
 * )
 * console.log(done.entityId)
 * ```
 */
export async function waitForProcess<T = ProcessStatus>(
  getStatus: (signal: AbortSignal) => Promise<T>,
  options: WaitForProcessOptions<T> = {},
): Promise<T> {
  const intervalMs = positiveMs('intervalMs', options.intervalMs ?? 1000)
  const maxIntervalMs = positiveMs('maxIntervalMs', options.maxIntervalMs ?? 30_000)
  const backoffFactor = options.backoffFactor ?? 1.5
  if (typeof backoffFactor !== 'number' || !(backoffFactor >= 1) || !Number.isFinite(backoffFactor)) {
    throw new ConfigurationError('backoffFactor', 'must be a number of at least 1')
  }
  const timeoutMs = positiveMs('timeoutMs', options.timeoutMs ?? 600_000, true)
  const { signal, onUpdate, budget, clock = systemClock, sleep = realSleep } = options
  const mapping = completeMapping(options.mapping)
  const startedAt = clock.now()
  // getStatus always gets a signal, so it can pass it straight to ky.
  const pollSignal = signal ?? new AbortController().signal
  let pauseMs = Math.min(intervalMs, maxIntervalMs)
  let polls = 0
  let entityId: string | undefined
  let processId: string | undefined

  /** Waits `milliseconds`, or gives up at the deadline. */
  const pause = async (milliseconds: number, cause?: unknown) => {
    const remaining = startedAt + timeoutMs - clock.now()
    if (remaining <= 0) throw new ProcessDeadlineError(timeoutMs, { processId, polls, cause })
    await sleep(Math.min(milliseconds, remaining), signal)
  }

  for (;;) {
    signal?.throwIfAborted()
    await budget?.take(signal)
    let status: T
    try {
      status = await getStatus(pollSignal)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (statusOf(error) === 404 && polls > 0) throw new ProcessExpiredError({ processId, polls, cause: error })
      const retryAfterMs = retryAfterOf(error, clock.now())
      if (retryAfterMs === undefined && !isTransient(error)) throw error
      await pause(Math.max(retryAfterMs ?? pauseMs, 0), error)
      pauseMs = Math.min(pauseMs * backoffFactor, maxIntervalMs)
      continue
    }
    polls++
    processId = mapping.idOf(status) ?? processId
    entityId = mapping.entityIdOf(status) ?? entityId
    onUpdate?.(status, { polls, elapsedMs: clock.now() - startedAt })
    const outcome = outcomeOf(status, mapping, entityId, processId)
    if (outcome !== undefined) {
      if ('error' in outcome) throw outcome.error
      return outcome.value
    }
    await pause(pauseMs)
    pauseMs = Math.min(pauseMs * backoffFactor, maxIntervalMs)
  }
}
