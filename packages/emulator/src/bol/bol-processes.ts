import { type Exchange, markApplied } from '../core/exchange.js'
import type { Runtime } from '../core/runtime.js'
import { isoDateTime } from '../internal/fixtures.js'
import type { BolProcess, BolState } from './bol-state.js'

/** What a write asks the process engine to do once the delay has passed. */
export interface ProcessRequest {
  /** bol's event type, e.g. `CREATE_SHIPMENT`. */
  eventType: string
  /** The entity known at creation (the order item, the offer); `apply` may set another. */
  entityId: string | undefined
  /** Human-readable description. */
  description: string
  /**
   * Applies the change. Returns an error message to end in `FAILURE` (nothing changes), or
   * `{ entityId }` to end in `SUCCESS` with that entity id (or nothing to keep the one given).
   */
  apply: () => string | { entityId?: string } | undefined
}

/** Runs bol's asynchronous writes: `PENDING`, then after `processDelayMs` `SUCCESS` or `FAILURE`. */
export class BolProcessEngine {
  private readonly pending = new Map<string, { request: ProcessRequest; exchange: Exchange }>()

  constructor(
    private readonly state: BolState,
    private readonly runtime: Runtime,
    private readonly delayMs: number,
    private readonly onSettled: (process: BolProcess) => void,
  ) {}

  /** Accepts a write: records a `PENDING` process and marks the write applied. */
  start(exchange: Exchange, request: ProcessRequest): BolProcess {
    const now = this.runtime.clock.now()
    const process: BolProcess = {
      processStatusId: String(++this.state.sequences.process),
      entityId: request.entityId,
      eventType: request.eventType,
      description: request.description,
      status: 'PENDING',
      errorMessage: undefined,
      createTimestamp: isoDateTime(now),
      settlesAt: now + this.delayMs,
    }
    this.state.processes.set(process.processStatusId, process)
    this.pending.set(process.processStatusId, { request, exchange })
    markApplied(exchange, {
      processStatusId: process.processStatusId,
      ...(request.entityId ? { resourceId: request.entityId } : {}),
    })
    this.runtime.schedule(() => this.settleDue(), this.delayMs)
    return process
  }

  /** Ends every process whose delay has passed, oldest first. */
  settleDue(): void {
    const now = this.runtime.clock.now()
    for (const [id, { request, exchange }] of this.pending) {
      const process = this.state.processes.get(id)
      if (!process || process.settlesAt > now) continue
      this.pending.delete(id)
      let outcome: ReturnType<ProcessRequest['apply']>
      try {
        outcome = request.apply()
      } catch (error) {
        outcome = error instanceof Error ? error.message : 'Processing failed.'
      }
      if (typeof outcome === 'string') {
        process.status = 'FAILURE'
        process.errorMessage = outcome
      } else {
        process.status = 'SUCCESS'
        if (outcome?.entityId !== undefined) process.entityId = outcome.entityId
      }
      if (exchange.write) exchange.write.processResult = process.status
      if (exchange.write && process.entityId) exchange.write.resourceId = process.entityId
      this.onSettled(process)
    }
  }
}

/** A process status as bol's `ProcessStatus` schema describes it. */
export function processStatusView(process: BolProcess, origin: string): Record<string, unknown> {
  const view: Record<string, unknown> = {
    processStatusId: process.processStatusId,
    eventType: process.eventType,
    description: process.description,
    status: process.status,
    createTimestamp: process.createTimestamp,
    links: [
      {
        rel: 'self',
        href: `${origin}/shared/process-status/${process.processStatusId}`,
        method: 'GET',
      },
    ],
  }
  if (process.entityId !== undefined) view.entityId = process.entityId
  if (process.errorMessage !== undefined) view.errorMessage = process.errorMessage
  return view
}
