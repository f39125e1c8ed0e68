import { describe, expect, it } from 'vitest'
import { realSleep } from './timing.js'

describe('realSleep()', () => {
  it('waits about as long as asked', async () => {
    const started = performance.now()
    await realSleep(40)
    expect(performance.now() - started).toBeGreaterThanOrEqual(35)
  })

  it('still waits when asked for longer than a timer holds, instead of firing at once, and stops on abort', async () => {
    // 10^11 seconds, as a server's Retry-After may say: setTimeout alone would fire after 1 ms.
    const controller = new AbortController()
    let settled: 'resolved' | 'rejected' | undefined
    const sleeping = realSleep(1e14, controller.signal).then(
      () => {
        settled = 'resolved'
      },
      () => {
        settled = 'rejected'
      },
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(settled).toBeUndefined()
    controller.abort()
    await sleeping
    expect(settled).toBe('rejected')
  })

  it('rejects at once with the reason of a signal that has already aborted', async () => {
    await expect(realSleep(1_000, AbortSignal.abort(new Error('stop')))).rejects.toThrow('stop')
  })
})
