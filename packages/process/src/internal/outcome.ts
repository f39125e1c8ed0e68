import { ProcessFailedError, ProcessStateError } from '../errors.js'
import type { StatusMapping } from '../process-status.js'

/** How a polled status ends a wait: `undefined` while pending, else the value to resolve or the error to throw. */
export type Outcome<T> = { value: T } | { error: Error } | undefined

/**
 * The outcome of one status. On `SUCCESS` the status is returned with the entity id an earlier poll reported
 * (`seenEntityId`) when this one has none; `FAILURE` and `TIMEOUT` become `ProcessFailedError`.
 */
export function outcomeOf<T>(
  status: T,
  mapping: StatusMapping<T>,
  seenEntityId?: string,
  knownId?: string,
): Outcome<T> {
  const state = mapping.stateOf(status)
  if (state === 'PENDING') return undefined
  const processId = mapping.idOf(status) ?? knownId
  const entityId = mapping.entityIdOf(status)
  if (state === 'SUCCESS') {
    if (entityId !== undefined || seenEntityId === undefined || typeof status !== 'object' || status === null) {
      return { value: status }
    }
    return { value: { ...status, entityId: seenEntityId } }
  }
  if (state === 'FAILURE' || state === 'TIMEOUT') {
    const errorMessage = mapping.errorMessageOf(status)
    return {
      error: new ProcessFailedError(status, { state, processId, entityId: entityId ?? seenEntityId, errorMessage }),
    }
  }
  return { error: new ProcessStateError(processId) }
}
