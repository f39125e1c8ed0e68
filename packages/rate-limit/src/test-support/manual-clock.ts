// Test-only: a clock whose time moves only when the test says so.
import type { Clock } from '../clock.js'

export interface ManualClock extends Clock {
  /** Moves time forward, waking every sleeper that is due, in order, and lets promises settle in between. */
  advance(milliseconds: number): Promise<void>
  /** How many sleeps are pending. */
  sleepers(): number
}

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start
  const sleepers = new Set<{ at: number; wake: () => void }>()
  const flush = async () => {
    for (let index = 0; index < 20; index++) await Promise.resolve()
  }
  return {
    now: () => now,
    sleep: (milliseconds, signal) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) {
          resolve()
          return
        }
        const sleeper = {
          at: now + milliseconds,
          wake: () => {
            sleepers.delete(sleeper)
            signal?.removeEventListener('abort', sleeper.wake)
            resolve()
          },
        }
        sleepers.add(sleeper)
        signal?.addEventListener('abort', sleeper.wake, { once: true })
      }),
    advance: async (milliseconds) => {
      const target = now + milliseconds
      await flush()
      for (;;) {
        const due = [...sleepers].filter((sleeper) => sleeper.at <= target).sort((a, b) => a.at - b.at)[0]
        if (due === undefined) break
        now = Math.max(now, due.at)
        due.wake()
        await flush()
      }
      now = target
      await flush()
    },
    sleepers: () => sleepers.size,
  }
}
