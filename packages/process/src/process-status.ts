/** Where a long-running write is: still running, or one of its three ends. */
export type ProcessState = 'PENDING' | 'SUCCESS' | 'FAILURE' | 'TIMEOUT'

/**
 * The status object this package is modelled on: bol.com's process status (Shared API v10). Any provider's status
 * works with a `StatusMapping`; this shape needs none.
 */
export interface ProcessStatus {
  /** The process status id. */
  processStatusId?: string | undefined
  /** The id of the thing being processed (for a shipment: the order item). */
  entityId?: string | undefined
  /** The action being processed (`CREATE_SHIPMENT`). */
  eventType?: string | undefined
  /** What is being processed, in words. */
  description?: string | undefined
  /** `PENDING`, `SUCCESS`, `FAILURE` or `TIMEOUT`. */
  status: string
  /** Why it failed, when it did. */
  errorMessage?: string | undefined
  /** When the status was created (ISO 8601). */
  createTimestamp?: string | undefined
  /** Actions available on this status. */
  links?: readonly unknown[] | undefined
}

/** How to read a provider's status object. Each function may be left out to use the default for `ProcessStatus`. */
export interface StatusMapping<T> {
  /** The state of a status; `undefined` for a value the mapping does not know. @default reads `status` */
  stateOf(status: T): ProcessState | undefined
  /** The id of the process a status belongs to; the batch poller matches bulk answers by it. @default reads `processStatusId` */
  idOf(status: T): string | undefined
  /** The id of the entity the process created or changed. @default reads `entityId` */
  entityIdOf(status: T): string | undefined
  /** The provider's message for a failed process. @default reads `errorMessage` */
  errorMessageOf(status: T): string | undefined
}

const states = new Set<string>(['PENDING', 'SUCCESS', 'FAILURE', 'TIMEOUT'])

const field = (status: unknown, name: string): unknown =>
  typeof status === 'object' && status !== null ? (status as Record<string, unknown>)[name] : undefined
const stringField = (status: unknown, name: string): string | undefined => {
  const value = field(status, name)
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/**
 * The mapping for bol.com-shaped statuses (`ProcessStatus`): `status`, `processStatusId`, `entityId`,
 * `errorMessage`.
 */
export const defaultStatusMapping: StatusMapping<unknown> = {
  stateOf: (status) => {
    const value = stringField(status, 'status')?.toUpperCase()
    return value !== undefined && states.has(value) ? (value as ProcessState) : undefined
  },
  idOf: (status) => stringField(status, 'processStatusId'),
  entityIdOf: (status) => stringField(status, 'entityId'),
  errorMessageOf: (status) => stringField(status, 'errorMessage'),
}

/** The given mapping, completed with the defaults. */
export function completeMapping<T>(mapping: Partial<StatusMapping<T>> = {}): StatusMapping<T> {
  return { ...(defaultStatusMapping as StatusMapping<T>), ...mapping }
}
