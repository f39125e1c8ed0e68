// How the job reads a client's error: try again, give up on the order, or stop the job. Messages are one line and
// come from the clients' own errors, which never carry a secret.
import { isAuthError } from '@b2bkit/auth'
import { isB2bkitError } from '@b2bkit/http'
import { isProblemError } from '@b2bkit/problem'
import type { ProviderName } from '../job-config.ts'
import { JobFailedError, OrderFailedError } from '../sample-errors.ts'

/** What a failure means for the job. */
export type FailureKind =
  /** It may pass: a 5xx, a 429, a lost connection, a token endpoint outage. Try again. */
  | 'transient'
  /** The provider refused the credentials: no other call will do better. Stop the job. */
  | 'credentials'
  /** The provider refused this order's data, or its process failed. Give up on this order, go on with the rest. */
  | 'order'
  /** Anything else. Stop the job. */
  | 'unexpected'

/** The providers' names as people know them. */
export const providerTitles: Record<ProviderName, string> = {
  bol: 'bol.com',
  b2brouter: 'B2Brouter',
  convictional: 'Convictional',
  siesmart: 'SieSmart',
}

const transientCodes = new Set(['NETWORK', 'TIMEOUT', 'PROCESS_DEADLINE', 'RATE_LIMITED'])
const orderCodes = new Set(['PROCESS_FAILED', 'SAMPLE_ORDER_FAILED', 'PRECONDITION_FAILED'])

/** Sorts an error into what the job does about it. */
export function classifyFailure(error: unknown): FailureKind {
  if (isAuthError(error)) return error.code === 'AUTH_UNAVAILABLE' ? 'transient' : 'credentials'
  if (isProblemError(error)) {
    if (error.status === 401 || error.status === 403) return 'credentials'
    if (error.retryable) return 'transient'
    return error.status >= 400 && error.status < 500 ? 'order' : 'unexpected'
  }
  if (isB2bkitError(error)) {
    if (transientCodes.has(error.code)) return 'transient'
    if (orderCodes.has(error.code)) return 'order'
  }
  return 'unexpected'
}

/** The error's own message, with the provider's request id when it sent one. */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const requestId = isB2bkitError(error) ? error.requestId : undefined
  const firstLine = error.message.split('\n')[0] ?? ''
  return requestId === undefined || firstLine.includes(requestId) ? firstLine : `${firstLine} (request id ${requestId})`
}

/** What a failure that stops the job says, in one line naming the provider. */
export function jobFailure(provider: ProviderName, error: unknown, hint?: string): JobFailedError {
  if (error instanceof JobFailedError) return error
  const title = providerTitles[provider]
  const kind = classifyFailure(error)
  const suffix = hint === undefined ? '' : ` — ${hint}`
  if (kind === 'credentials') {
    return new JobFailedError(
      'credentials',
      provider,
      `${title} refused the credentials: ${messageOf(error)}${suffix}`,
      {
        cause: error,
      },
    )
  }
  if (kind === 'transient') {
    return new JobFailedError('unavailable', provider, `${title} is unavailable: ${messageOf(error)}`, { cause: error })
  }
  return new JobFailedError('unexpected', provider, `${title}: ${messageOf(error)}`, { cause: error })
}

/** The failure of one order, for the state file and the summary. */
export function orderFailure(step: string, error: unknown): OrderFailedError {
  if (error instanceof OrderFailedError) return error
  return new OrderFailedError(step, `${step}: ${messageOf(error)}`, { cause: error })
}
