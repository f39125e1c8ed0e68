import { ConfigurationError, createClient } from '@b2bkit/http'
import { afterEach, describe, expect, it } from 'vitest'
import {
  PollBudgetExhaustedError,
  ProcessDeadlineError,
  ProcessExpiredError,
  ProcessFailedError,
  ProcessStateError,
} from './errors.js'
import { type ProcessServer, serveProcesses } from './internal/test-server.js'
import { createPollBudget } from './poll-budget.js'
import type { ProcessStatus, StatusMapping } from './process-status.js'
import { waitForProcess } from './wait-for-process.js'

let server: ProcessServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A clock and a sleep that only move when slept on; every pause asked for is recorded. */
function fakeTime() {
  let now = 1_000_000
  const pauses: number[] = []
  return {
    pauses,
    clock: { now: () => now },
    sleep: async (milliseconds: number, signal?: AbortSignal) => {
      signal?.throwIfAborted()
      pauses.push(milliseconds)
      now += milliseconds
    },
  }
}

async function statusGetter(id: string) {
  server ??= await serveProcesses()
  const http = createClient({ baseUrl: server.url, retry: 0 })
  return (signal: AbortSignal) => http.get(`shared/process-status/${id}`, { signal }).json<ProcessStatus>()
}

describe('waitForProcess()', () => {
  it('polls until SUCCESS and returns the final status, with the entityId an earlier poll reported', async () => {
    const getStatus = await statusGetter('p1')
    server?.script('p1', { pendingPolls: 2, entityIdWhilePendingOnly: true })
    const time = fakeTime()
    const updates: string[] = []
    const done = await waitForProcess(getStatus, {
      ...time,
      onUpdate: (status, { polls }) => updates.push(`${polls}:${status.status}`),
    })
    expect(done).toMatchObject({ processStatusId: 'p1', status: 'SUCCESS', entityId: 'entity-p1' })
    expect(updates).toEqual(['1:PENDING', '2:PENDING', '3:SUCCESS'])
    expect(server?.polls.get('p1')).toBe(3)
  })

  it('backs off from intervalMs by backoffFactor up to maxIntervalMs', async () => {
    const getStatus = await statusGetter('p2')
    server?.script('p2', { pendingPolls: 6 })
    const time = fakeTime()
    await waitForProcess(getStatus, { ...time, intervalMs: 100, backoffFactor: 2, maxIntervalMs: 500 })
    expect(time.pauses).toEqual([100, 200, 400, 500, 500, 500])
  })

  it('throws ProcessFailedError with the provider’s errorMessage on FAILURE and on the provider’s TIMEOUT', async () => {
    for (const end of ['FAILURE', 'TIMEOUT'] as const) {
      const getStatus = await statusGetter(`p-${end}`)
      server?.script(`p-${end}`, { pendingPolls: 1, end, errorMessage: 'Order item 6107331382 is already shipped.' })
      const error = await waitForProcess(getStatus, fakeTime()).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ProcessFailedError)
      expect(error).toMatchObject({
        code: 'PROCESS_FAILED',
        state: end,
        processId: `p-${end}`,
        entityId: `entity-p-${end}`,
        errorMessage: 'Order item 6107331382 is already shipped.',
        message: `process p-${end} ended in ${end}: Order item 6107331382 is already shipped.`,
      })
    }
  })

  it('waits as long as Retry-After asks when a poll is refused, and polls through a 503', async () => {
    const getStatus = await statusGetter('p3')
    server?.script('p3', { pendingPolls: 0 })
    server?.faults.push({ status: 429, headers: { 'retry-after': '7' } }, { status: 503 })
    const time = fakeTime()
    const done = await waitForProcess(getStatus, { ...time, intervalMs: 100, backoffFactor: 2 })
    expect(done.status).toBe('SUCCESS')
    expect(time.pauses).toEqual([7000, 200])
    expect(server?.requests).toHaveLength(3)
  })

  it('reads retryAfterMs from a ProblemError-shaped error', async () => {
    let calls = 0
    const time = fakeTime()
    const done = await waitForProcess(
      async () => {
        calls++
        if (calls === 1) throw Object.assign(new Error('limited'), { status: 429, retryable: true, retryAfterMs: 1500 })
        return { processStatusId: 'x', status: 'SUCCESS' }
      },
      { ...time },
    )
    expect([done.status, time.pauses]).toEqual(['SUCCESS', [1500]])
  })

  it('reports a 404 after some polls as an expired status, and passes on a 404 on the first poll', async () => {
    const expiring = await statusGetter('p4')
    server?.script('p4', { pendingPolls: 2, end: 'EXPIRE' })
    const expired = await waitForProcess(expiring, fakeTime()).catch((caught: unknown) => caught)
    expect(expired).toBeInstanceOf(ProcessExpiredError)
    expect(expired).toMatchObject({ code: 'PROCESS_EXPIRED', processId: 'p4', polls: 2 })
    const unknown = await waitForProcess(await statusGetter('nope'), fakeTime()).catch((caught: unknown) => caught)
    expect(unknown).toMatchObject({ name: 'HTTPError', response: { status: 404 } })
  })

  it('gives up with ProcessDeadlineError when timeoutMs passes, cutting the last pause to the deadline', async () => {
    const getStatus = await statusGetter('p5')
    server?.script('p5', { pendingPolls: 100 })
    const time = fakeTime()
    const error = await waitForProcess(getStatus, {
      ...time,
      intervalMs: 1000,
      backoffFactor: 1,
      timeoutMs: 3500,
    }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ProcessDeadlineError)
    expect(error).toMatchObject({ timeoutMs: 3500, processId: 'p5' })
    expect(time.pauses).toEqual([1000, 1000, 1000, 500])
    expect(server?.polls.get('p5')).toBe(5)
  })

  it('stops at once when its signal aborts during a pause, without polling again', async () => {
    const getStatus = await statusGetter('p6')
    server?.script('p6', { pendingPolls: 100 })
    const controller = new AbortController()
    const started = Date.now()
    const pending = waitForProcess(getStatus, {
      intervalMs: 60_000,
      signal: controller.signal,
      onUpdate: () => setTimeout(() => controller.abort(new Error('shutting down')), 20),
    })
    await expect(pending).rejects.toThrow('shutting down')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(server?.requests).toHaveLength(1)
  })

  it('spends a poll from its budget each time, and stops when a budget without a window is spent', async () => {
    const getStatus = await statusGetter('p7')
    server?.script('p7', { pendingPolls: 5 })
    const budget = createPollBudget({ maxPolls: 2 })
    const error = await waitForProcess(getStatus, { ...fakeTime(), budget }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PollBudgetExhaustedError)
    expect([budget.spent, server?.requests.length]).toEqual([2, 2])
  })

  it('waits for the next window of a budget that refills', async () => {
    const getStatus = await statusGetter('p8')
    server?.script('p8', { pendingPolls: 2 })
    const time = fakeTime()
    const budget = createPollBudget({ maxPolls: 2, windowMs: 10_000, ...time })
    await waitForProcess(getStatus, { ...time, intervalMs: 1000, backoffFactor: 1, budget })
    expect(time.pauses).toEqual([1000, 1000, 8000])
    expect(budget.spent).toBe(3)
  })

  it('reads another provider’s statuses through a mapping, and refuses a state it cannot read', async () => {
    interface Job {
      job: string
      phase: string
      output?: string
    }
    const mapping: Partial<StatusMapping<Job>> = {
      stateOf: (job) => (job.phase === 'done' ? 'SUCCESS' : job.phase === 'queued' ? 'PENDING' : undefined),
      idOf: (job) => job.job,
      entityIdOf: (job) => job.output,
    }
    const phases = ['queued', 'queued', 'done']
    const time = fakeTime()
    const done = await waitForProcess<Job>(
      async () => ({ job: 'j1', phase: phases.shift() ?? 'done', output: 'inv-9' }),
      {
        ...time,
        mapping,
      },
    )
    expect([done, time.pauses.length]).toEqual([{ job: 'j1', phase: 'done', output: 'inv-9' }, 2])
    const odd = await waitForProcess(async () => ({ processStatusId: 'o1', status: 'ON_HOLD' }), fakeTime()).catch(
      (caught: unknown) => caught,
    )
    expect(odd).toBeInstanceOf(ProcessStateError)
    expect(odd).toMatchObject({ code: 'PROCESS_STATE_UNKNOWN', message: expect.stringContaining('process o1') })
  })

  it('refuses wrong options when called, naming the option', async () => {
    const never = async () => ({ status: 'PENDING' })
    await expect(waitForProcess(never, { intervalMs: 0 })).rejects.toThrow(ConfigurationError)
    await expect(waitForProcess(never, { maxIntervalMs: -1 })).rejects.toThrow(/option "maxIntervalMs"/)
    await expect(waitForProcess(never, { backoffFactor: 0.5 })).rejects.toThrow(/option "backoffFactor"/)
    await expect(waitForProcess(never, { timeoutMs: Number.NaN })).rejects.toThrow(/option "timeoutMs"/)
  })
})
