import { B2bkitError } from '@b2bkit/http'

const webhookErrorMarker = Symbol.for('b2bkit.error.b2brouter-webhook')

/**
 * Why a webhook delivery was refused.
 *
 * @example
 * ```ts
 * if (isB2BRouterWebhookError(error) && error.code === ('WEBHOOK_TIMESTAMP_STALE' satisfies B2BRouterWebhookErrorCode)) { … }
 * ```
 */
export type B2BRouterWebhookErrorCode =
  /** No `X-B2Brouter-Signature` header. */
  | 'WEBHOOK_SIGNATURE_MISSING'
  /** The header is not `t=<unix seconds>,s=<hex HMAC-SHA256>`. */
  | 'WEBHOOK_SIGNATURE_MALFORMED'
  /** No signature in the header matches the body: a wrong secret, or a body changed on the way. */
  | 'WEBHOOK_SIGNATURE_MISMATCH'
  /** The signature is right but its timestamp is further from now than the tolerance: a replay, or a wrong clock. */
  | 'WEBHOOK_TIMESTAMP_STALE'
  /** The signed body is not a JSON object. */
  | 'WEBHOOK_PAYLOAD_INVALID'

/**
 * A B2Brouter webhook delivery that failed verification. Answer it with 400 and do not act on it. The message never
 * contains the secret, the signature or the body.
 *
 * @example
 * ```ts
 * try { await verifyB2BRouterWebhook(body, header, secret) } catch (error) {
 *   if (isB2BRouterWebhookError(error)) return new Response(error.code, { status: 400 })
 *   throw error
 * }
 * ```
 */
export class B2BRouterWebhookError extends B2bkitError {
  override name = 'B2BRouterWebhookError' as const
  /** Why the delivery was refused. */
  declare readonly code: B2BRouterWebhookErrorCode

  constructor(code: B2BRouterWebhookErrorCode, message: string) {
    super(code, message)
    Object.defineProperty(this, webhookErrorMarker, { value: true })
  }
}

/**
 * Whether `value` is a `B2BRouterWebhookError`, also one from another installed copy of this package.
 *
 * @example
 * ```ts
 * catch (error) { if (isB2BRouterWebhookError(error)) return new Response(null, { status: 400 }) }
 * ```
 */
export function isB2BRouterWebhookError(value: unknown): value is B2BRouterWebhookError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[webhookErrorMarker] === true
}
