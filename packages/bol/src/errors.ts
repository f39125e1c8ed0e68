import { B2bkitError, type B2bkitErrorOptions } from '@b2bkit/http'

/**
 * A 2xx answer the client cannot use: a body that is not JSON (or not CSV where CSV was asked for), or a process
 * status without the id to poll. The message names what was wrong, never a value from the body. Code
 * `'BOL_INVALID_RESPONSE'`.
 *
 * @example
 * ```ts
 * try { await bol.orders.list() } catch (error) {
 *   if (error instanceof BolResponseError) console.error(error.message, error.requestId)
 * }
 * ```
 */
export class BolResponseError extends B2bkitError {
  override name = 'BolResponseError' as const

  constructor(message: string, options: B2bkitErrorOptions = {}) {
    super('BOL_INVALID_RESPONSE', message, options)
  }
}

/** Why `verifyBolWebhook()` refused a push notification. */
export type BolWebhookFailure =
  /** No `Signature` header. */
  | 'missing-signature'
  /** A `Signature` header without `keyId` and `signature`, or a signature that is not base64. */
  | 'malformed-signature'
  /** An `algorithm` other than `rsa-sha256`. */
  | 'unsupported-algorithm'
  /** A `keyId` none of the given keys has (bol may have rotated its keys: fetch them again). */
  | 'unknown-key'
  /** A key that is not an RSA public key in base64 DER. */
  | 'invalid-key'
  /** The signature does not match the body: tampered, or signed with another key. */
  | 'bad-signature'
  /** A correctly signed body that is not a JSON object. */
  | 'malformed-body'

/**
 * A push notification whose signature does not hold, or could not be checked. `reason` says why; the message
 * never contains the body or the signature. Code `'BOL_WEBHOOK_REJECTED'`.
 *
 * @example
 * ```ts
 * try { await verifyBolWebhook(request, { keys }) } catch (error) {
 *   if (error instanceof BolWebhookError) return new Response(error.reason, { status: 401 })
 * }
 * ```
 */
export class BolWebhookError extends B2bkitError {
  override name = 'BolWebhookError' as const
  /** Why the notification was refused. */
  readonly reason: BolWebhookFailure
  /** The `keyId` the notification named, when it named one. */
  readonly keyId: string | undefined

  constructor(reason: BolWebhookFailure, message: string, options: B2bkitErrorOptions & { keyId?: string } = {}) {
    super('BOL_WEBHOOK_REJECTED', message, options)
    this.reason = reason
    this.keyId = options.keyId
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, ...(this.keyId === undefined ? {} : { keyId: this.keyId }) }
  }
}
