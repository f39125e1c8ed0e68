import { ConfigurationError } from '@b2bkit/http'
import { type BatchPollerState, type TrackedProcess, trackedProcessesOf } from './batch-state.js'
import { PollerClosedError, ProcessDeadlineError, ProcessExpiredError, ProcessNotFoundError } from './errors.js'
import { type Outcome, outcomeOf } from './internal/outcome.js'
import { isTransient, retryAfterOf } from './internal/poll-error.js'
import { positiveMs, wholeNumber } from './internal/validate.js'
import type { PollBudget } from './poll-budget.js'
import { completeMapping, type ProcessStatus, type StatusMapping } from './process-status.js'
import { type Clock, realSleep, type Sleep, systemClock } from './timing.js'

/** Options of `createBatchPoller()`. */
export interface BatchPollerOptions<T> {
  /**
   * Fetches the statuses of many processes in one call, such as bol's `POST /shared/process-status`. It may leave
   * out ids the provider no longer knows; answers are matched to ids with the mapping's `idOf`.
   */
  getMany: (ids: readonly string[], signal: AbortSignal) => Promise<readonly T[]>
  /** The most ids in one bulk call. @default 1000 (bol's limit) */
  maxBatch?: number | undefined
  /** The pause between rounds of bulk calls. @default 1000 */
  intervalMs?: number | undefined
  /** How long each process may stay pending, from the first `wait()` for it. @default 600_000 */
  timeoutMs?: number | undefined
  /** After how many answers without it an id never seen is given up as `ProcessNotFoundError`. @default 3 */
  maxMissingPolls?: number | undefined
  /** How to read the provider's status object. @default bol.com's `ProcessStatus` fields */
  mapping?: Partial<StatusMapping<T>> | undefined
  /** A budget each bulk call spends from. @default none */
  budget?: PollBudget | undefined
  /** Called with every status polled. */
  onUpdate?: ((status: T) => void) | undefined
  /** @default the system clock */
  clock?: Clock | undefined
  /** @default a real timer */
  sleep?: Sleep | undefined
}

/** A poller that folds the processes many callers wait for into bulk status calls. */
export interface BatchPoller<T> {
  /**
   * Waits for one process: resolves with its final status on `SUCCESS`, rejects with `ProcessFailedError`,
   * `ProcessExpiredError`, `ProcessNotFoundError` or `ProcessDeadlineError`. Waiting twice for one id polls it once.
   */
  wait(id: string, options?: { signal?: AbortSignal | undefined }): Promise<T>
  /** How many processes are still being polled. */
  readonly size: number
  /** The processes in flight, and finished ones nobody has collected yet, as plain JSON-safe data. */
  serialize(): BatchPollerState<T>
  /** Takes over the processes of a serialized poller (from another process, after a restart) and polls them on. */
  resume(state: BatchPollerState<T>): void
  /** Stops polling; callers still waiting get `PollerClosedError`. `serialize()` still works afterwards. */
  close(): void
}

interface Waiter<T> {
  resolve(value: T): void
  reject(error: unknown): void
}

interface Entry<T> extends TrackedProcess<T> {
  waiters: Set<Waiter<T>>
  /** Polled even with nobody waiting: it came from `resume()`. */
  held: boolean
}

/**
 * A batch poller: `wait(id)` from many callers is folded into bulk calls of at most `maxBatch` ids every
 * `intervalMs`, and each caller gets its own result. A bulk call refused with `Retry-After` delays the next round
 * as asked; transient failures are tried again next round. Its state survives a restart through `serialize()` and
 * `resume()`, as Azure's core-lro pollers do.
 *
 * @example
 * ```ts
 * const poller = createBatchPoller<ProcessStatus>({
 *   getMany: async (ids, signal) =>
 *     (await http.post('shared/process-status', { json: { processStatusQueries: ids.map((processStatusId) => ({ processStatusId })) }, signal })
 *       .json<{ processStatuses: ProcessStatus[] }>()).processStatuses,
 * })
 * const done = await Promise.all(processIds.map((id) => poller.wait(id)))
 * ```
 */
export function createBatchPoller<T = ProcessStatus>(options: BatchPollerOptions<T>): BatchPoller<T> {
  if (typeof options?.getMany !== 'function') throw new ConfigurationError('getMany', 'must be a function of the ids')
  const maxBatch = wholeNumber('maxBatch', options.maxBatch ?? 1000, 1)
  const intervalMs = positiveMs('intervalMs', options.intervalMs ?? 1000)
  const timeoutMs = positiveMs('timeoutMs', options.timeoutMs ?? 600_000, true)
  const maxMissingPolls = wholeNumber('maxMissingPolls', options.maxMissingPolls ?? 3, 1)
  const { getMany, budget, onUpdate, clock = systemClock, sleep = realSleep } = options
  const mapping = completeMapping(options.mapping)
  const entries = new Map<string, Entry<T>>()
  const stopping = new AbortController()
  let running = false
  let pauseMs = intervalMs

  const pending = () => [...entries.values()].filter((entry) => !isSettled(entry))

  /** Ends an entry: hands its outcome to its waiters, or keeps it until someone waits for it. */
  function settle(entry: Entry<T>, end: Pick<TrackedProcess<T>, 'final'> | Pick<TrackedProcess<T>, 'outcome'>): void {
    Object.assign(entry, end)
    if (entry.waiters.size === 0) return
    entries.delete(entry.id)
    const outcome = outcomeOfSettled(entry)
    for (const waiter of entry.waiters) deliver(waiter, outcome)
    entry.waiters.clear()
  }

  function outcomeOfSettled(entry: TrackedProcess<T>): Outcome<T> {
    if (entry.final !== undefined) return outcomeOf(entry.final, mapping, entry.entityId, entry.id)
    const context = { processId: entry.id, polls: entry.polls }
    if (entry.outcome === 'expired') return { error: new ProcessExpiredError(context) }
    if (entry.outcome === 'not-found') return { error: new ProcessNotFoundError(entry.id, entry.missing) }
    return { error: new ProcessDeadlineError(timeoutMs, context) }
  }

  function apply(ids: readonly string[], statuses: readonly T[]): void {
    const byId = new Map(statuses.map((status) => [mapping.idOf(status), status]))
    for (const id of ids) {
      const entry = entries.get(id)
      if (entry === undefined || isSettled(entry)) continue
      const status = byId.get(id)
      if (status === undefined) {
        entry.missing++
        if (entry.seen) settle(entry, { outcome: 'expired' })
        else if (entry.missing >= maxMissingPolls) settle(entry, { outcome: 'not-found' })
        continue
      }
      entry.seen = true
      entry.polls++
      entry.entityId = mapping.entityIdOf(status) ?? entry.entityId
      onUpdate?.(status)
      if (mapping.stateOf(status) !== 'PENDING') settle(entry, { final: status })
    }
  }

  async function round(): Promise<void> {
    const ids = pending().map((entry) => entry.id)
    for (let start = 0; start < ids.length; start += maxBatch) {
      const chunk = ids.slice(start, start + maxBatch)
      await budget?.take(stopping.signal)
      let statuses: readonly T[]
      try {
        statuses = await getMany(chunk, stopping.signal)
      } catch (error) {
        if (stopping.signal.aborted) return
        const retryAfterMs = retryAfterOf(error, clock.now())
        if (retryAfterMs !== undefined) {
          pauseMs = Math.max(intervalMs, retryAfterMs) // the rest of this round waits as asked
          return
        }
        if (!isTransient(error)) failWaiters(chunk, error)
        continue
      }
      apply(chunk, statuses)
    }
    const now = clock.now()
    for (const entry of pending()) {
      if (entry.deadlineAt !== null && now >= entry.deadlineAt) settle(entry, { outcome: 'deadline' })
    }
  }

  /** A bulk call failed for good: its callers get the error; held processes are tried again next round. */
  function failWaiters(ids: readonly string[], error: unknown): void {
    for (const id of ids) {
      const entry = entries.get(id)
      if (entry === undefined || entry.held || entry.waiters.size === 0) continue
      entries.delete(id)
      for (const waiter of entry.waiters) waiter.reject(error)
    }
  }

  async function run(): Promise<void> {
    running = true
    try {
      while (!stopping.signal.aborted && pending().length > 0) {
        await sleep(pauseMs, stopping.signal)
        pauseMs = intervalMs
        await round()
      }
    } catch (error) {
      // A poll budget without refill is spent, or the poller was closed: nobody waits in vain.
      if (!stopping.signal.aborted) for (const entry of pending()) failWaiters([entry.id], error)
    } finally {
      running = false
    }
  }

  const start = () => {
    if (!running && !stopping.signal.aborted) void run()
  }

  return {
    wait(id, { signal } = {}) {
      if (stopping.signal.aborted) return Promise.reject(new PollerClosedError(id))
      if (signal?.aborted) return Promise.reject(signal.reason)
      let entry = entries.get(id)
      if (entry === undefined) {
        const now = clock.now()
        // No deadline is null rather than Infinity, which JSON would turn into null anyway.
        const deadlineAt = Number.isFinite(timeoutMs) ? now + timeoutMs : null
        entry = { id, deadlineAt, polls: 0, missing: 0, seen: false, waiters: new Set(), held: false }
        entries.set(id, entry)
      }
      const tracked = entry
      return new Promise<T>((resolve, reject) => {
        if (isSettled(tracked)) {
          entries.delete(id)
          deliver({ resolve, reject }, outcomeOfSettled(tracked))
          return
        }
        const waiter: Waiter<T> = {
          resolve: (value) => {
            signal?.removeEventListener('abort', onAbort)
            resolve(value)
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort)
            reject(error)
          },
        }
        const onAbort = () => {
          tracked.waiters.delete(waiter)
          if (tracked.waiters.size === 0 && !tracked.held) entries.delete(id)
          reject(signal?.reason)
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        tracked.waiters.add(waiter)
        start()
      })
    },
    get size() {
      return pending().length
    },
    serialize() {
      const processes = [...entries.values()].map(({ waiters: _waiters, held: _held, ...tracked }) => tracked)
      return { version: 1, processes: structuredClone(processes) }
    },
    resume(state) {
      for (const tracked of trackedProcessesOf(state)) {
        if (!entries.has(tracked.id)) entries.set(tracked.id, { ...tracked, waiters: new Set(), held: true })
      }
      start()
    },
    close() {
      stopping.abort(new Error('the batch poller was closed'))
      for (const entry of entries.values()) {
        for (const waiter of entry.waiters) waiter.reject(new PollerClosedError(entry.id))
        entry.waiters.clear()
      }
    },
  }
}

function isSettled(entry: TrackedProcess<unknown>): boolean {
  return entry.final !== undefined || entry.outcome !== undefined
}

function deliver<T>(waiter: Waiter<T>, outcome: Outcome<T>): void {
  if (outcome === undefined) return
  if ('error' in outcome) waiter.reject(outcome.error)
  else waiter.resolve(outcome.value)
}
