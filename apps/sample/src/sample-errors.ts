import { B2bkitError, type B2bkitErrorOptions } from '@b2bkit/http'
import type { ProviderName } from './job-config.ts'

/**
 * A mistake in the app's configuration: environment variables, command-line arguments or the state file. The message
 * names what is wrong and never contains a secret. Code `'SAMPLE_CONFIGURATION'`.
 *
 * @example
 * throw new SampleConfigurationError('B2BROUTER_ACCOUNT_ID must be a positive whole number.')
 */
export class SampleConfigurationError extends B2bkitError {
  override name = 'SampleConfigurationError' as const

  constructor(message: string, options: B2bkitErrorOptions = {}) {
    super('SAMPLE_CONFIGURATION', message, options)
  }
}

/** Why the job as a whole could not go on. */
export type JobFailureReason =
  /** The provider refused the credentials (401, 403, or a token endpoint that said no). */
  | 'credentials'
  /** The provider did not answer, or kept failing, after every retry. */
  | 'unavailable'
  /** Anything else: a configuration the client refused, an answer the app cannot use, a bug. */
  | 'unexpected'

/**
 * The job stopped because a provider cannot be used: its credentials are refused, or it is down. The message is one
 * line, names the provider, and holds no secret; `cause` is the client's error. Code `'SAMPLE_JOB_FAILED'`.
 *
 * @example
 * if (error instanceof JobFailedError && error.reason === 'credentials') console.error(error.message)
 */
export class JobFailedError extends B2bkitError {
  override name = 'JobFailedError' as const
  /** The provider that failed, when one did. */
  readonly provider: ProviderName | undefined
  /** Why the job could not go on. */
  readonly reason: JobFailureReason

  constructor(
    reason: JobFailureReason,
    provider: ProviderName | undefined,
    message: string,
    options: B2bkitErrorOptions = {},
  ) {
    super('SAMPLE_JOB_FAILED', message, options)
    this.reason = reason
    this.provider = provider
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, provider: this.provider }
  }
}

/**
 * One order could not be taken further (a process that failed, data a provider refused); the other orders go on, and
 * the next run tries this one again. Code `'SAMPLE_ORDER_FAILED'`.
 *
 * @example
 * throw new OrderFailedError('purchase order', 'no supplier variant has EAN 8712345678901')
 */
export class OrderFailedError extends B2bkitError {
  override name = 'OrderFailedError' as const
  /** The step that failed: `'shipment'`, `'invoice'`, `'purchase order'`, `'proposal'`. */
  readonly step: string

  constructor(step: string, message: string, options: B2bkitErrorOptions = {}) {
    super('SAMPLE_ORDER_FAILED', message, options)
    this.step = step
  }
}
