import { createBatchPoller, waitForProcess } from '@b2bkit/process'
import { BolResponseError } from '../errors.js'
import type { Transport } from '../internal/transport.js'
import type { ResolvedPolling } from '../process-polling.js'
import type { BolCallOptions } from '../types/common.js'
import type {
  BolProcess,
  BolProcessStatus,
  BolProcessStatusList,
  BolWaitOptions,
  ProcessStatusByEntityQuery,
  WaitManyOptions,
} from '../types/process-status.js'

/** The Shared API's process statuses: read them one by one, by entity or in bulk, and wait for them to end. */
export interface ProcessStatusResource {
  /** One process status, with `wait()`. */
  get(processStatusId: string, options?: BolCallOptions): Promise<BolProcess>
  /** The processes of one entity and kind, newest first, 50 per page. */
  byEntity(query: ProcessStatusByEntityQuery, options?: BolCallOptions): Promise<BolProcessStatusList>
  /** Many statuses in bulk calls of up to 1,000 ids (`POST /shared/process-status`); unknown ids are left out. */
  getMany(processStatusIds: readonly string[], options?: BolCallOptions): Promise<BolProcessStatus[]>
  /** Polls one process to its end: the final status on `SUCCESS`, `ProcessFailedError` on `FAILURE` or `TIMEOUT`. */
  wait(processStatusId: string, options?: BolWaitOptions): Promise<BolProcessStatus>
  /**
   * Waits for many processes through one batch poller that asks for up to 1,000 of them per bulk call. Resolves
   * to their final statuses in the order of `processStatusIds`, or rejects with the first failure.
   */
  waitMany(processStatusIds: readonly string[], options?: WaitManyOptions): Promise<BolProcessStatus[]>
}

/** The most ids bol takes in one bulk status call. */
const maxBulkIds = 1000

/** Gives a process status its non-enumerable `wait()`. */
export function asProcess(status: BolProcessStatus, wait: ProcessStatusResource['wait']): BolProcess {
  const processStatusId = status.processStatusId
  const waitForEnd = (options?: BolWaitOptions): Promise<BolProcessStatus> => {
    if (typeof processStatusId !== 'string' || processStatusId === '') {
      return Promise.reject(new BolResponseError('the process status has no processStatusId to poll'))
    }
    return wait(processStatusId, options)
  }
  Object.defineProperty(status, 'wait', { value: waitForEnd, enumerable: false, configurable: true })
  return status as BolProcess
}

/** The process-status resource over `transport`, polling as `polling` says. */
export function processStatusResource(
  transport: Transport,
  shared: (path: string) => string,
  polling: ResolvedPolling,
): ProcessStatusResource {
  const fetchStatus = (processStatusId: string, options?: BolCallOptions) =>
    transport.json<BolProcessStatus>({ path: shared(`process-status/${encodeURIComponent(processStatusId)}`) }, options)

  const bulk = async (ids: readonly string[], options?: BolCallOptions) => {
    const body = { processStatusQueries: ids.map((processStatusId) => ({ processStatusId })) }
    const answer = await transport.json<Partial<BolProcessStatusList>>(
      // Read-only, so repeating it after a lost answer is harmless.
      { method: 'POST', path: shared('process-status'), body, retrySafe: true },
      options,
    )
    return answer.processStatuses ?? []
  }

  let poller: ReturnType<typeof createBatchPoller<BolProcessStatus>> | undefined
  const batchPoller = () => {
    poller ??= createBatchPoller<BolProcessStatus>({
      getMany: (ids, signal) => bulk(ids, { signal }),
      maxBatch: maxBulkIds,
      intervalMs: polling.batchIntervalMs,
      timeoutMs: polling.timeoutMs,
    })
    return poller
  }

  const resource: ProcessStatusResource = {
    get: async (processStatusId, options) => asProcess(await fetchStatus(processStatusId, options), resource.wait),
    byEntity: async ({ entityId, eventType, page }, options) => {
      const query = { 'entity-id': entityId, 'event-type': eventType, page }
      const list = await transport.json<Partial<BolProcessStatusList>>(
        { path: shared('process-status'), query },
        options,
      )
      list.processStatuses ??= []
      return list as BolProcessStatusList
    },
    getMany: async (processStatusIds, options) => {
      const statuses: BolProcessStatus[] = []
      for (let start = 0; start < processStatusIds.length; start += maxBulkIds) {
        statuses.push(...(await bulk(processStatusIds.slice(start, start + maxBulkIds), options)))
      }
      return statuses
    },
    wait: (processStatusId, options = {}) => {
      const { intervalMs, maxIntervalMs, backoffFactor, timeoutMs } = polling
      return waitForProcess((signal) => fetchStatus(processStatusId, { signal }), {
        intervalMs,
        maxIntervalMs,
        backoffFactor,
        timeoutMs,
        ...options,
      })
    },
    waitMany: (processStatusIds, options = {}) => {
      const waiting = batchPoller()
      return Promise.all(processStatusIds.map((id) => waiting.wait(id, { signal: options.signal })))
    },
  }
  return resource
}
