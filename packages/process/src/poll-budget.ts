import { PollBudgetExhaustedError } from './errors.js'
import { positiveMs, wholeNumber } from './internal/validate.js'
import { type Clock, realSleep, type Sleep, systemClock } from './timing.js'

/** A number of polls that pollers spend from, so polling cannot crowd out the real work in a shared rate limit. */
export interface PollBudget {
  /** Spends one poll, waiting for the next window when this one is spent; rejects when `signal` aborts. */
  take(signal?: AbortSignal): Promise<void>
  /** How many polls have been spent in all. */
  readonly spent: number
}

/** Options of `createPollBudget()`. */
export interface PollBudgetOptions {
  /** How many polls may be spent per window (or in all, without `windowMs`). */
  maxPolls: number
  /**
   * The window after which the budget refills. Without one the budget is spent once and then throws
   * `PollBudgetExhaustedError`.
   * @default none
   */
  windowMs?: number | undefined
  /** @default the system clock */
  clock?: Clock | undefined
  /** @default a real timer */
  sleep?: Sleep | undefined
}

/**
 * A poll budget: at most `maxPolls` polls per `windowMs`. Pass one budget to several pollers to cap their
 * polling together; each `waitForProcess()` poll and each bulk call of a batch poller spends one.
 *
 * @example
 * ```ts
 * const budget = createPollBudget({ maxPolls: 20, windowMs: 60_000 }) // a third of a 60-per-minute limit
 * await waitForProcess(getStatus, { budget })
 * ```
 */
export function createPollBudget(options: PollBudgetOptions): PollBudget {
  const maxPolls = wholeNumber('maxPolls', options.maxPolls, 1)
  const windowMs = options.windowMs === undefined ? undefined : positiveMs('windowMs', options.windowMs)
  const { clock = systemClock, sleep = realSleep } = options
  let windowStart = clock.now()
  let usedInWindow = 0
  let spent = 0
  return {
    get spent() {
      return spent
    },
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted()
        const now = clock.now()
        if (windowMs !== undefined && now - windowStart >= windowMs) {
          windowStart = now
          usedInWindow = 0
        }
        if (usedInWindow < maxPolls) {
          usedInWindow++
          spent++
          return
        }
        if (windowMs === undefined) throw new PollBudgetExhaustedError(maxPolls)
        await sleep(windowStart + windowMs - now, signal)
      }
    },
  }
}
