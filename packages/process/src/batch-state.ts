import { ConfigurationError } from '@b2bkit/http'

/** One process a batch poller tracks, as plain data. */
export interface TrackedProcess<T = unknown> {
  /** The process status id. */
  id: string
  /** When it stops being polled, in milliseconds since the epoch (kept across a restart); `null` for never. */
  deadlineAt: number | null
  /** How many bulk answers included it. */
  polls: number
  /** How many bulk answers left it out. */
  missing: number
  /** Whether any answer included it. */
  seen: boolean
  /** The entity id an answer reported. */
  entityId?: string | undefined
  /** Its final status (`SUCCESS`, `FAILURE`, `TIMEOUT`), when it ended before anyone collected it. */
  final?: T | undefined
  /** How it ended without a final status, when it did. */
  outcome?: 'expired' | 'not-found' | 'deadline' | undefined
}

/**
 * A batch poller's state: plain data that survives `JSON.stringify` / `JSON.parse` (when the status objects do,
 * as provider JSON does). Save it before a restart and hand it to `resume()` after.
 */
export interface BatchPollerState<T = unknown> {
  /** The format of this state. */
  version: 1
  /** The processes in flight, and finished ones nobody collected yet. */
  processes: TrackedProcess<T>[]
}

const outcomes = new Set(['expired', 'not-found', 'deadline'])

/** The processes of a saved state, checked: a state from elsewhere is outside input. */
export function trackedProcessesOf<T>(state: BatchPollerState<T>): TrackedProcess<T>[] {
  if (typeof state !== 'object' || state === null || state.version !== 1 || !Array.isArray(state.processes)) {
    throw new ConfigurationError('state', 'is not a batch poller state (version 1) from serialize()')
  }
  return state.processes.map((tracked, index) => {
    const valid =
      typeof tracked === 'object' &&
      tracked !== null &&
      typeof tracked.id === 'string' &&
      (tracked.deadlineAt === null || Number.isFinite(tracked.deadlineAt)) &&
      Number.isInteger(tracked.polls) &&
      Number.isInteger(tracked.missing) &&
      typeof tracked.seen === 'boolean' &&
      (tracked.outcome === undefined || outcomes.has(tracked.outcome))
    if (!valid) throw new ConfigurationError(`state.processes[${index}]`, 'is not a tracked process')
    return { ...tracked }
  })
}
