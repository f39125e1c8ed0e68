import { ConfigurationError } from '@b2bkit/http'

/** How the client polls processes: the defaults of every `wait()`, and the batch poller of `waitMany()`. */
export interface ProcessPollingOptions {
  /**
   * The pause before the second poll of one process; later pauses grow by `backoffFactor`.
   * @default 1000
   */
  intervalMs?: number | undefined
  /**
   * The longest pause between two polls of one process.
   * @default 30_000
   */
  maxIntervalMs?: number | undefined
  /**
   * How much each pause grows.
   * @default 1.5
   */
  backoffFactor?: number | undefined
  /**
   * How long a process may stay `PENDING` before `ProcessDeadlineError` (`Infinity` waits for ever).
   * @default 600_000
   */
  timeoutMs?: number | undefined
  /**
   * The pause between two bulk status calls of `waitMany()` (each asks for up to 1,000 processes).
   * @default 1000
   */
  batchIntervalMs?: number | undefined
}

/** The polling options with their defaults. */
export type ResolvedPolling = Required<{ [Key in keyof ProcessPollingOptions]: number }>

/** Checks `processPolling` and fills in the defaults; a wrong value throws ConfigurationError naming it. */
export function resolvePolling(options: ProcessPollingOptions | undefined): ResolvedPolling {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ConfigurationError('processPolling', 'must be an object such as { intervalMs: 1000 }')
  }
  const value = (name: keyof ProcessPollingOptions, fallback: number, minimum: number, infinite = false) => {
    const given = options?.[name]
    if (given === undefined) return fallback
    const valid = typeof given === 'number' && given >= minimum && (Number.isFinite(given) || infinite)
    if (!valid) throw new ConfigurationError(`processPolling.${name}`, `must be a number of at least ${minimum}`)
    return given
  }
  return {
    intervalMs: value('intervalMs', 1000, 1),
    maxIntervalMs: value('maxIntervalMs', 30_000, 1),
    backoffFactor: value('backoffFactor', 1.5, 1),
    timeoutMs: value('timeoutMs', 600_000, 1, true),
    batchIntervalMs: value('batchIntervalMs', 1000, 1),
  }
}
