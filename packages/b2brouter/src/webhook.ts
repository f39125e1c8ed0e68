import { ConfigurationError } from '@b2bkit/http'
import type { Invoice } from './invoice-types.js'
import { B2BRouterWebhookError } from './webhook-error.js'

/**
 * Options of `verifyB2BRouterWebhook()`.
 *
 * @example
 * ```ts
 * await verifyB2BRouterWebhook(body, header, secret, { toleranceSeconds: 60 } satisfies VerifyB2BRouterWebhookOptions)
 * ```
 */
export interface VerifyB2BRouterWebhookOptions {
  /**
   * How far the signature's timestamp may be from now, in seconds, either way. Older deliveries are refused as
   * replays.
   * @default 300
   */
  toleranceSeconds?: number | undefined
  /**
   * Where now is read from. Inject one to test staleness without waiting.
   * @default { now: Date.now }
   */
  clock?: { now(): number } | undefined
}

/**
 * A B2Brouter webhook event: `issued_invoice.created`, `issued_invoice.state_change`, …
 *
 * @example
 * ```ts
 * const event: B2BRouterWebhookEvent = await verifyB2BRouterWebhook(body, header, secret)
 * if (event.type === 'issued_invoice.state_change') console.log(event.data?.invoice?.state)
 * ```
 */
export interface B2BRouterWebhookEvent {
  /** The event id: deliveries of one event share it, so use it to skip duplicates. */
  id?: string | undefined
  /** The event type, such as `issued_invoice.state_change`. */
  type?: string | undefined
  /** When the event happened (ISO 8601). */
  created_at?: string | undefined
  /** What the event is about. */
  data?: { invoice?: Invoice | undefined; [field: string]: unknown } | undefined
  [field: string]: unknown
}

const encoder = new TextEncoder()
const timestampPattern = /^\d{1,12}$/
const signaturePattern = /^[0-9a-f]{64}$/i

/**
 * Verifies a B2Brouter webhook delivery and returns its event. B2Brouter signs each delivery with the webhook's
 * `signature_key`: `X-B2Brouter-Signature: t=<unix seconds>,s=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * (https://developer.b2brouter.net/docs/webhooks_guide). The HMAC is computed with Web Crypto over the exact bytes
 * received, compared in constant time, and a signature older (or newer) than `toleranceSeconds` is refused.
 *
 * Pass the body exactly as received — parse it only after verification, because re-serialised JSON no longer
 * matches the signature. Throws `B2BRouterWebhookError` (with a `code`) for a delivery to refuse, and
 * `ConfigurationError` for an empty secret or a bad tolerance.
 *
 * @example
 * ```ts
 * const event = await verifyB2BRouterWebhook(await request.text(), request.headers.get('x-b2brouter-signature'), secret)
 * if (event.type === 'issued_invoice.state_change') await onStateChange(event.data?.invoice)
 * ```
 */
export async function verifyB2BRouterWebhook(
  rawBody: string | Uint8Array,
  signatureHeader: string | null | undefined,
  secret: string,
  options: VerifyB2BRouterWebhookOptions = {},
): Promise<B2BRouterWebhookEvent> {
  if (typeof secret !== 'string' || secret === '') {
    throw new ConfigurationError('secret', "must be the webhook's signature_key, a non-empty string")
  }
  const { toleranceSeconds = 300, clock = Date } = options
  if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new ConfigurationError('toleranceSeconds', 'must be a number of seconds, 0 or more')
  }
  const { timestamp, signatures } = parseSignatureHeader(signatureHeader)
  const body = typeof rawBody === 'string' ? encoder.encode(rawBody) : rawBody
  const expected = await hmacSha256(secret, concat(encoder.encode(`${timestamp}.`), body))
  if (!signatures.some((signature) => constantTimeEqual(signature, expected))) {
    throw new B2BRouterWebhookError('WEBHOOK_SIGNATURE_MISMATCH', 'the webhook signature does not match its body')
  }
  const ageSeconds = Math.abs(clock.now() / 1000 - Number(timestamp))
  if (ageSeconds > toleranceSeconds) {
    throw new B2BRouterWebhookError(
      'WEBHOOK_TIMESTAMP_STALE',
      `the webhook was signed ${Math.round(ageSeconds)} s from now, more than the ${toleranceSeconds} s allowed`,
    )
  }
  return parseEvent(body)
}

/** Reads `t=<seconds>,s=<hex>` (one `t`, one or more `s`). */
function parseSignatureHeader(header: string | null | undefined): { timestamp: string; signatures: Uint8Array[] } {
  if (typeof header !== 'string' || header.trim() === '') {
    throw new B2BRouterWebhookError('WEBHOOK_SIGNATURE_MISSING', 'the X-B2Brouter-Signature header is missing')
  }
  let timestamp: string | undefined
  const signatures: Uint8Array[] = []
  for (const part of header.split(',')) {
    const separator = part.indexOf('=')
    if (separator <= 0) return malformed()
    const name = part.slice(0, separator).trim()
    const value = part.slice(separator + 1).trim()
    if (name === 't') {
      if (timestamp !== undefined || !timestampPattern.test(value)) return malformed()
      timestamp = value
    } else if (name === 's') {
      if (!signaturePattern.test(value)) return malformed()
      signatures.push(hexToBytes(value))
    }
    // Other members (a future scheme's) are skipped, as a signature header is expected to grow.
  }
  if (timestamp === undefined || signatures.length === 0) return malformed()
  return { timestamp, signatures }
}

function malformed(): never {
  throw new B2BRouterWebhookError(
    'WEBHOOK_SIGNATURE_MALFORMED',
    'the X-B2Brouter-Signature header is not "t=<unix seconds>,s=<hex HMAC-SHA256>"',
  )
}

function parseEvent(body: Uint8Array): B2BRouterWebhookEvent {
  let event: unknown
  try {
    event = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body))
  } catch {
    event = undefined
  }
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new B2BRouterWebhookError('WEBHOOK_PAYLOAD_INVALID', 'the signed webhook body is not a JSON object')
  }
  return event as B2BRouterWebhookEvent
}

async function hmacSha256(secret: string, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data))
}

/** Compares two byte strings in time that depends on their length only, never on where they differ. */
function constantTimeEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false
  let difference = 0
  for (let index = 0; index < left.length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0)
  return difference === 0
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16)
  return bytes
}

function concat(left: Uint8Array, right: Uint8Array): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(left.length + right.length)
  joined.set(left)
  joined.set(right, left.length)
  return joined
}
