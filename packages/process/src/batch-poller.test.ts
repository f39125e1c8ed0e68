import { ConfigurationError, createClient } from '@b2bkit/http'
import { afterEach, describe, expect, it } from 'vitest'
import { type BatchPollerOptions, createBatchPoller } from './batch-poller.js'
import {
  PollerClosedError,
  ProcessDeadlineError,
  ProcessExpiredError,
  ProcessFailedError,
  ProcessNotFoundError,
} from './errors.js'
import { type ProcessServer, serveProcesses } from './internal/test-server.js'
import type { ProcessStatus } from './process-status.js'
import { realSleep } from './timing.js'

let server: ProcessServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** A batch poller over bol's bulk endpoint on the test server, with short real pauses. */
async function pollerFor(options: Partial<BatchPollerOptions<ProcessStatus>> = {}) {
  server ??= await serveProcesses()
  const http = createClient({ baseUrl: server.url, retry: 0 })
  return createBatchPoller<ProcessStatus>({
    intervalMs: 5,
    getMany: async (ids, signal) => {
      const json = { processStatusQueries: ids.map((processStatusId) => ({ processStatusId })) }
      const answer = await http
        .post('shared/process-status', { json, signal })
        .json<{ processStatuses: ProcessStatus[] }>()
      return answer.processStatuses
    },
    ...options,
  })
}

describe('createBatchPoller()', () => {
  it('folds 1000 waiting ids into bulk calls of at most maxBatch, and gives each caller its own result', async () => {
    const poller = await pollerFor({ maxBatch: 300 })
    const ids = Array.from({ length: 1000 }, (_, index) => `p${index}`)
    for (const [index, id] of ids.entries()) server?.script(id, { pendingPolls: index % 3 })
    const results = await Promise.all(ids.map((id) => poller.wait(id)))
    expect(results.every((result, index) => result.processStatusId === ids[index])).toBe(true)
    expect(results.every((result, index) => result.entityId === `entity-${ids[index]}`)).toBe(true)
    // Three rounds (ids need one to three polls): 1000, then 666, then 333 ids, in chunks of at most 300.
    expect(server?.bulkSizes).toEqual([300, 300, 300, 100, 300, 300, 66, 300, 33])
    expect(server?.requests.every((request) => request === 'POST /shared/process-status')).toBe(true)
    expect(poller.size).toBe(0)
  })

  it('gives each caller the end of its own process: success, failure, expiry, or never seen', async () => {
    const poller = await pollerFor({ maxMissingPolls: 2 })
    server?.script('ok', { pendingPolls: 1 })
    server?.script('bad', { pendingPolls: 0, end: 'FAILURE', errorMessage: 'Invalid transporter code.' })
    server?.script('gone', { pendingPolls: 1, end: 'EXPIRE' })
    const [ok, bad, gone, unknown] = await Promise.allSettled(
      ['ok', 'bad', 'gone', 'unknown'].map((id) => poller.wait(id)),
    )
    expect(ok).toMatchObject({ status: 'fulfilled', value: { processStatusId: 'ok', status: 'SUCCESS' } })
    expect(bad).toMatchObject({ status: 'rejected', reason: { errorMessage: 'Invalid transporter code.' } })
    expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(ProcessFailedError)
    expect((gone as PromiseRejectedResult).reason).toBeInstanceOf(ProcessExpiredError)
    expect((unknown as PromiseRejectedResult).reason).toBeInstanceOf(ProcessNotFoundError)
  })

  it('polls an id once for two callers, and lets one stop waiting without disturbing the other', async () => {
    const poller = await pollerFor()
    server?.script('shared', { pendingPolls: 3 })
    const controller = new AbortController()
    const leaving = poller.wait('shared', { signal: controller.signal })
    const staying = poller.wait('shared')
    controller.abort(new Error('not interested'))
    await expect(leaving).rejects.toThrow('not interested')
    expect((await staying).status).toBe('SUCCESS')
    expect(server?.bulkSizes).toEqual([1, 1, 1, 1])
  })

  it('stops polling an id whose only caller stopped waiting', async () => {
    const poller = await pollerFor({ intervalMs: 20 })
    server?.script('lonely', { pendingPolls: 1000 })
    const controller = new AbortController()
    const waiting = poller.wait('lonely', { signal: controller.signal })
    controller.abort(new Error('bye'))
    await expect(waiting).rejects.toThrow('bye')
    await realSleep(60)
    expect([poller.size, server?.bulkSizes.length]).toEqual([0, 0])
  })

  it('saves its processes with serialize() and takes them over in another poller with resume(), through JSON', async () => {
    const first = await pollerFor()
    server?.script('early', { pendingPolls: 0 })
    server?.script('late-1', { pendingPolls: 8 })
    server?.script('late-2', { pendingPolls: 8 })
    const lates = ['late-1', 'late-2'].map((id) => first.wait(id))
    expect((await first.wait('early')).status).toBe('SUCCESS')
    const saved = JSON.stringify(first.serialize())
    first.close()
    for (const late of lates) await expect(late).rejects.toBeInstanceOf(PollerClosedError)

    const state = JSON.parse(saved)
    expect(state.processes.map((tracked: { id: string }) => tracked.id)).toEqual(['late-1', 'late-2'])
    const second = await pollerFor()
    second.resume(state)
    const done = await Promise.all(['late-1', 'late-2'].map((id) => second.wait(id)))
    expect(done.map((status) => status.status)).toEqual(['SUCCESS', 'SUCCESS'])
    expect(server?.polls.get('late-1')).toBe(9)
  })

  it('keeps a process without a deadline through a JSON round trip', async () => {
    const first = await pollerFor({ timeoutMs: Number.POSITIVE_INFINITY })
    server?.script('forever', { pendingPolls: 2 })
    const waiting = first.wait('forever')
    const state = JSON.parse(JSON.stringify(first.serialize()))
    expect(state.processes[0]).toMatchObject({ id: 'forever', deadlineAt: null })
    first.close()
    await expect(waiting).rejects.toBeInstanceOf(PollerClosedError)
    const second = await pollerFor()
    second.resume(state)
    expect((await second.wait('forever')).status).toBe('SUCCESS')
  })

  it('hands a process that ended before anyone asked to the first wait(), and keeps its deadline across a resume', async () => {
    const poller = await pollerFor()
    const final = { processStatusId: 'done-1', entityId: 'e-1', status: 'SUCCESS', eventType: 'CREATE_OFFER' }
    poller.resume({
      version: 1,
      processes: [
        { id: 'done-1', deadlineAt: Date.now() + 60_000, polls: 2, missing: 0, seen: true, final },
        { id: 'overdue', deadlineAt: Date.now() - 1, polls: 1, missing: 0, seen: true },
      ],
    })
    expect(await poller.wait('done-1')).toEqual(final)
    server?.script('overdue', { pendingPolls: 100 })
    await expect(poller.wait('overdue')).rejects.toBeInstanceOf(ProcessDeadlineError)
    expect(server?.polls.get('done-1')).toBeUndefined()
  })

  it('waits as long as Retry-After asks when a bulk call is refused, and polls on after a 503', async () => {
    const pauses: number[] = []
    const poller = await pollerFor({
      sleep: (milliseconds, signal) => {
        pauses.push(milliseconds)
        return realSleep(Math.min(milliseconds, 5), signal)
      },
    })
    server?.script('limited', { pendingPolls: 0 })
    server?.faults.push({ status: 429, headers: { 'retry-after': '3' } }, { status: 503 })
    expect((await poller.wait('limited')).status).toBe('SUCCESS')
    expect(pauses).toEqual([5, 3000, 5])
  })

  it('gives up on a process at its deadline', async () => {
    const poller = await pollerFor({ timeoutMs: 40 })
    server?.script('slow', { pendingPolls: 10_000 })
    await expect(poller.wait('slow')).rejects.toMatchObject({ code: 'PROCESS_DEADLINE', processId: 'slow' })
  })

  it('rejects the callers of a bulk call that failed for good with its error', async () => {
    const poller = await pollerFor()
    server?.script('a', { pendingPolls: 0 })
    server?.faults.push({ status: 400 })
    await expect(poller.wait('a')).rejects.toMatchObject({ name: 'HTTPError', response: { status: 400 } })
  })

  it('refuses wrong options and a state that is not its own, naming the option', async () => {
    expect(() => createBatchPoller({} as never)).toThrow(/option "getMany"/)
    const getMany = async () => []
    expect(() => createBatchPoller({ getMany, maxBatch: 0 })).toThrow(ConfigurationError)
    expect(() => createBatchPoller({ getMany, intervalMs: -5 })).toThrow(/option "intervalMs"/)
    const poller = createBatchPoller({ getMany })
    expect(() => poller.resume({ version: 2 } as never)).toThrow(/option "state"/)
    expect(() => poller.resume({ version: 1, processes: [{ id: 7 }] } as never)).toThrow(
      /option "state.processes\[0\]"/,
    )
    poller.close()
    await expect(poller.wait('x')).rejects.toBeInstanceOf(PollerClosedError)
  })
})
