import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol } from './internal/test-support.js'

/** Runs `tasks` with `workers` at a time, calling `onDone` after each completes. */
async function pool<T>(tasks: Array<() => Promise<T>>, workers: number, onDone: (count: number) => void) {
  const results: PromiseSettledResult<T>[] = []
  let next = 0
  const work = async () => {
    while (next < tasks.length) {
      const task = tasks[next++] as () => Promise<T>
      results.push(
        await task().then(
          (value) => ({ status: 'fulfilled' as const, value }),
          (reason: unknown) => ({ status: 'rejected' as const, reason }),
        ),
      )
      onDone(results.length)
    }
  }
  await Promise.all(Array.from({ length: workers }, work))
  return results
}

describe('a token that expires mid-run', () => {
  let emulator: BolEmulator
  beforeAll(async () => {
    emulator = await startBol({ seed: 111, rateLimits: false })
  })
  afterAll(() => emulator.stop())

  it('is refreshed exactly once, and no call fails', async () => {
    const bol = clientFor(emulator, { rateLimit: false })
    const orderIds = [...emulator.state.orders.keys()]
    const tasks = Array.from(
      { length: 60 },
      (_, index) => () => bol.orders.get(orderIds[index % orderIds.length] ?? ''),
    )
    const results = await pool(tasks, 8, (done) => {
      if (done === 20) emulator.expireTokens()
    })
    expect(results.filter((result) => result.status === 'rejected')).toEqual([])
    expect(emulator.tokenRequestCount).toBe(2)
    expect(bol.stats().tokenRequests).toBe(2)
    const refused = emulator.requests.filter((request) => request.status === 401)
    expect(refused.length).toBeGreaterThan(0)
    expect(bol.stats().retries).toBe(refused.length)
    // Every refused call was answered on its second attempt, with the new token.
    expect(emulator.requests.filter((request) => request.path !== '/token' && request.status === 200)).toHaveLength(60)
  })

  it('says "JWT expired" when bol refuses the old token, which is what makes the client refresh', async () => {
    const bol = clientFor(emulator, { rateLimit: false, retry: 0 })
    await bol.subscriptions.list()
    emulator.expireTokens()
    const error = await bol.subscriptions.list().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 401, detail: 'JWT expired' })
    // With no retries allowed the 401 comes through, but the token is dropped: the next call gets a new one.
    await expect(bol.subscriptions.list()).resolves.toHaveProperty('subscriptions')
  })
})
