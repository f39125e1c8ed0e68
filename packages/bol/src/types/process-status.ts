import type { WaitForProcessOptions } from '@b2bkit/process'
import type { BolCallOptions } from './common.js'

/** Where a process is: still running, or one of its three ends. */
export type BolProcessState = 'PENDING' | 'SUCCESS' | 'FAILURE' | 'TIMEOUT'

/** The kinds of process bol reports (the `event-type` of `processStatus.byEntity()`). */
export type BolEventType =
  | 'CREATE_SHIPMENT'
  | 'CANCEL_ORDER'
  | 'CHANGE_TRANSPORT'
  | 'HANDLE_RETURN_ITEM'
  | 'CREATE_RETURN_ITEM'
  | 'CREATE_INBOUND'
  | 'DELETE_OFFER'
  | 'CREATE_OFFER'
  | 'UPDATE_OFFER'
  | 'UPDATE_OFFER_STOCK'
  | 'UPDATE_OFFER_PRICE'
  | 'CREATE_OFFER_EXPORT'
  | 'UNPUBLISHED_OFFER_REPORT'
  | 'CREATE_PRODUCT_CONTENT'
  | 'CREATE_SUBSCRIPTION'
  | 'UPDATE_SUBSCRIPTION'
  | 'DELETE_SUBSCRIPTION'
  | 'SEND_SUBSCRIPTION_TST_MSG'
  | 'CREATE_SHIPPING_LABEL'
  | 'CREATE_REPLENISHMENT'
  | 'UPDATE_REPLENISHMENT'
  | 'REQUEST_PRODUCT_DESTINATIONS'
  | 'CREATE_SOV_SEARCH_TERM_REPORT'
  | 'CREATE_SOV_CATEGORY_REPORT'
  | 'UPLOAD_INVOICE'
  | 'CREATE_CAMPAIGN_PERFORMANCE_REPORT'

/** A link of a process status (bol's `Link`). */
export interface BolLink {
  rel?: string
  href?: string
  method?: string
  hreflang?: string
  media?: string
  title?: string
  type?: string
  deprecation?: string
  profile?: string
  name?: string
}

/** A process status of the Shared API: what became of an asynchronous write. */
export interface BolProcessStatus {
  /** The id to poll (`GET /shared/process-status/{id}`). */
  processStatusId?: string
  /** What the process created or changed: an order item, an offer, a report, a subscription… */
  entityId?: string
  /** The kind of process. */
  eventType: BolEventType | (string & {})
  /** What is being processed, in words. */
  description: string
  /** `PENDING` until the process ends. */
  status: BolProcessState
  /** Why the process failed, when it did. */
  errorMessage?: string
  /** When the process started (ISO 8601). */
  createTimestamp: string
  /** Links, such as the status itself. */
  links: BolLink[]
}

/** How `wait()` polls a process to its end (the options of `waitForProcess()` from `@b2bkit/process`). */
export type BolWaitOptions = Pick<
  WaitForProcessOptions<BolProcessStatus>,
  'intervalMs' | 'maxIntervalMs' | 'backoffFactor' | 'timeoutMs' | 'signal' | 'onUpdate'
>

/**
 * The answer to a write: the process status bol answered with (`PENDING` as a rule), and `wait()`, which polls
 * it to its end. `wait` is not enumerable, so `JSON.stringify(process)` gives the status fields only.
 */
export interface BolProcess extends BolProcessStatus {
  /**
   * Polls the process until it ends: resolves to the final status (with `entityId`) on `SUCCESS`, rejects with
   * `ProcessFailedError` (from `@b2bkit/process`) on `FAILURE` or `TIMEOUT`.
   */
  wait(options?: BolWaitOptions): Promise<BolProcessStatus>
}

/** A page of process statuses. */
export interface BolProcessStatusList {
  processStatuses: BolProcessStatus[]
}

/** The query of `processStatus.byEntity()`. */
export interface ProcessStatusByEntityQuery {
  /** The entity, such as an order item id. */
  entityId: string
  /** The kind of process; bol needs it because entity ids are not unique across kinds. */
  eventType: BolEventType
  /** The page, 50 statuses each. @default 1 */
  page?: number | undefined
}

/** Options of `processStatus.waitMany()`. */
export interface WaitManyOptions extends Pick<BolCallOptions, 'signal'> {}
