import { B2bkitError, type B2bkitErrorOptions, isB2bkitError } from '@b2bkit/http'
import type { ProcessState } from './process-status.js'

/** What is known of the process an error is about. */
export interface ProcessErrorContext {
  /** The process status id, when known. */
  processId?: string | undefined
  /** How many polls were answered before the error. */
  polls?: number | undefined
  /** The error that led to this one; kept only when it is a b2bkit error (those are free of secrets). */
  cause?: unknown
}

const causeOf = (context: ProcessErrorContext): B2bkitErrorOptions =>
  isB2bkitError(context.cause) ? { cause: context.cause, requestId: context.cause.requestId } : {}
const named = (processId: string | undefined) => (processId === undefined ? 'the process' : `process ${processId}`)

/**
 * The process ended in `FAILURE` or `TIMEOUT` (the provider's own time-out, not ours). `errorMessage` is the
 * provider's reason. Code `'PROCESS_FAILED'`.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof ProcessFailedError) console.log(error.state, error.errorMessage) }
 * ```
 */
export class ProcessFailedError<T = unknown> extends B2bkitError {
  override name = 'ProcessFailedError' as const
  /** `'FAILURE'` or `'TIMEOUT'`. */
  readonly state: Extract<ProcessState, 'FAILURE' | 'TIMEOUT'>
  /** The process status id. */
  readonly processId: string | undefined
  /** The id of the entity the process was about. */
  readonly entityId: string | undefined
  /** The provider's reason. */
  readonly errorMessage: string | undefined
  /** The final status object, as the provider sent it. */
  readonly processStatus: T

  constructor(
    processStatus: T,
    details: {
      state: 'FAILURE' | 'TIMEOUT'
      processId?: string | undefined
      entityId?: string | undefined
      errorMessage?: string | undefined
    },
  ) {
    const reason = details.errorMessage === undefined ? '' : `: ${details.errorMessage}`
    super('PROCESS_FAILED', `${named(details.processId)} ended in ${details.state}${reason}`)
    this.state = details.state
    this.processId = details.processId
    this.entityId = details.entityId
    this.errorMessage = details.errorMessage
    this.processStatus = processStatus
  }

  override toJSON(): Record<string, unknown> {
    const { state, processId, entityId, errorMessage } = this
    return { ...super.toJSON(), state, processId, entityId, errorMessage }
  }
}

/**
 * The status was found before and is gone now: the provider deleted it (bol keeps process statuses for a limited
 * time, at least 24 hours). Whether the write succeeded is no longer known here. Code `'PROCESS_EXPIRED'`.
 */
export class ProcessExpiredError extends B2bkitError {
  override name = 'ProcessExpiredError' as const
  /** The process status id. */
  readonly processId: string | undefined
  /** How many polls were answered before it disappeared. */
  readonly polls: number

  constructor(context: ProcessErrorContext) {
    super(
      'PROCESS_EXPIRED',
      `${named(context.processId)} is gone: its status expired after ${context.polls ?? 0} polls`,
      causeOf(context),
    )
    this.processId = context.processId
    this.polls = context.polls ?? 0
  }
}

/** The batch poller never saw this id in any answer. Code `'PROCESS_NOT_FOUND'`. */
export class ProcessNotFoundError extends B2bkitError {
  override name = 'ProcessNotFoundError' as const
  /** The process status id. */
  readonly processId: string

  constructor(processId: string, polls: number) {
    super('PROCESS_NOT_FOUND', `process ${processId} was in none of ${polls} bulk status answers`)
    this.processId = processId
  }
}

/** Our own deadline (`timeoutMs`) passed while the process was still pending. Code `'PROCESS_DEADLINE'`. */
export class ProcessDeadlineError extends B2bkitError {
  override name = 'ProcessDeadlineError' as const
  /** The process status id. */
  readonly processId: string | undefined
  /** The deadline that passed, in milliseconds from the start of the wait. */
  readonly timeoutMs: number

  constructor(timeoutMs: number, context: ProcessErrorContext) {
    super(
      'PROCESS_DEADLINE',
      `${named(context.processId)} was still pending after ${timeoutMs} ms (${context.polls ?? 0} polls)`,
      causeOf(context),
    )
    this.processId = context.processId
    this.timeoutMs = timeoutMs
  }
}

/** A status whose state the mapping does not know. Code `'PROCESS_STATE_UNKNOWN'`. */
export class ProcessStateError extends B2bkitError {
  override name = 'ProcessStateError' as const
  constructor(processId: string | undefined) {
    super(
      'PROCESS_STATE_UNKNOWN',
      `${named(processId)} has a state that is none of PENDING, SUCCESS, FAILURE, TIMEOUT; pass a mapping whose stateOf reads it`,
    )
  }
}

/** A poll budget without a refill window is spent. Code `'POLL_BUDGET_EXHAUSTED'`. */
export class PollBudgetExhaustedError extends B2bkitError {
  override name = 'PollBudgetExhaustedError' as const
  constructor(maxPolls: number) {
    super('POLL_BUDGET_EXHAUSTED', `the poll budget of ${maxPolls} polls is spent`)
  }
}

/** The batch poller was closed while this caller waited; its state can still be saved and resumed. Code `'POLLER_CLOSED'`. */
export class PollerClosedError extends B2bkitError {
  override name = 'PollerClosedError' as const
  constructor(processId: string) {
    super('POLLER_CLOSED', `the batch poller was closed while waiting for process ${processId}`)
  }
}
