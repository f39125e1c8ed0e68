/** Where the time is read. Injected so tests of time-based behaviour can control it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

/** Waits `milliseconds`, or rejects with the signal's reason as soon as it aborts. Injected alongside `Clock`. */
export type Sleep = (milliseconds: number, signal?: AbortSignal) => Promise<void>

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now() }

/**
 * The real sleep: a timer, cleared when `signal` aborts.
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
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, milliseconds),
    )
    signal?.addEventListener('abort', onAbort, { once: true })
  })
