/** Where the time is read. Injected so tests of time-based behaviour can control it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

/** Waits `milliseconds`, or rejects with the signal's reason as soon as it aborts. Injected alongside `Clock`. */
export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() }

/** The longest delay a timer takes (2^31 − 1 ms, about 24.8 days); a longer one fires at once in every runtime. */
const longestTimerMs = 2_147_483_647

/**
 * The real sleep: a timer, cleared when `signal` aborts. A wait longer than a timer can hold (a `Retry-After` of
 * years) is waited in steps, not cut short.
 *
 * @example
 * ```ts
 * await realSleep(1000, AbortSignal.timeout(500)) // rejects after 500 ms with a TimeoutError
 * ```
 */
export const realSleep: Sleep = (milliseconds, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    let left = Number.isNaN(milliseconds) ? 0 : Math.max(0, milliseconds)
    let timer: ReturnType<typeof setTimeout> | undefined
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const step = () => {
      const now = Math.min(left, longestTimerMs)
      left -= now
      timer = setTimeout(() => {
        if (left > 0) return step()
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, now)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    step()
  })
