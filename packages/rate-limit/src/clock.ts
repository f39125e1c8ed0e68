/**
 * Where the limiter reads the time and waits. Inject one to test time-based behaviour without sleeping, or to
 * share a time source with a remote store. A plain `{ now() }` clock (as other b2bkit packages take) works too; the
 * limiter then waits with real timers.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rules, clock: { now: () => fakeNow, sleep: fakeSleep } })
 * ```
 */
export interface Clock {
  /** The current time in milliseconds since the epoch. */
  now(): number
  /**
   * Resolves after `milliseconds`, or as soon as `signal` aborts (it resolves then too; it never rejects).
   * It must not leave a timer behind once it has resolved.
   * @default systemClock.sleep (a real timer)
   */
  sleep?(milliseconds: number, signal?: AbortSignal): Promise<void>
}

/**
 * The real clock: `Date.now()` and `setTimeout`. A timer exists only while a request waits for a slot, so an idle
 * limiter never keeps a process alive; a waiting request does, on purpose, like a pending `fetch`.
 *
 * @example
 * ```ts
 * const limiter = new RateLimiter({ rules, clock: systemClock })
 * ```
 */
export const systemClock: Required<Clock> = {
  now: () => Date.now(),
  sleep: (milliseconds, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve()
        return
      }
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      // setTimeout's delay is a signed 32-bit integer; a longer wait would fire at once.
      const timer = setTimeout(done, Math.min(Math.max(0, milliseconds), 2_147_483_647))
      signal?.addEventListener('abort', done, { once: true })
    }),
}
