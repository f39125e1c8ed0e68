import { ConfigurationError } from '@b2bkit/http'
import { importSPKI } from 'jose'
import { BolWebhookError } from './errors.js'
import { decodeBase64, parseSignatureHeader } from './internal/signature-header.js'
import type { BolPushNotification, BolSignatureKey, BolSignatureKeys } from './types/subscriptions.js'

/** The keys to check against: the list, the answer of `subscriptions.signatureKeys()`, or a function that fetches one. */
export type BolWebhookKeys =
  | readonly BolSignatureKey[]
  | BolSignatureKeys
  | (() => Promise<readonly BolSignatureKey[] | BolSignatureKeys>)

/** A received push notification: a Fetch API `Request`, or its headers and raw body (from Express, Fastify, …). */
export type BolWebhookInput =
  | Request
  | {
      headers: Headers | Record<string, string | readonly string[] | undefined>
      /** The body exactly as received: the signature covers these bytes. */
      body: string | Uint8Array | ArrayBuffer
    }

/** Options of `verifyBolWebhook()`. */
export interface VerifyBolWebhookOptions {
  /**
   * bol's public signature keys, from `GET /retailer/subscriptions/signature-keys`.
   * @example
   * ```ts
   * keys: await bol.subscriptions.signatureKeys()
   * ```
   */
  keys: BolWebhookKeys
}

const headerOf = (input: BolWebhookInput, name: string): string | undefined => {
  if (input.headers instanceof Headers) return input.headers.get(name) ?? undefined
  const entry = Object.entries(input.headers).find(([key]) => key.toLowerCase() === name)?.[1]
  return typeof entry === 'string' ? entry : entry?.join(', ')
}

const bodyOf = async (input: BolWebhookInput): Promise<Uint8Array<ArrayBuffer>> => {
  if (input instanceof Request) return new Uint8Array(await input.arrayBuffer())
  if (typeof input.body === 'string') return new TextEncoder().encode(input.body)
  // A copy: a Node Buffer is often a view into a larger shared pool, so its `.buffer` holds other bytes too.
  return input.body instanceof ArrayBuffer ? new Uint8Array(input.body) : new Uint8Array(input.body)
}

async function keyList(keys: BolWebhookKeys): Promise<readonly BolSignatureKey[]> {
  const resolved = typeof keys === 'function' ? await keys() : keys
  const list = Array.isArray(resolved) ? resolved : (resolved as BolSignatureKeys | undefined)?.signatureKeys
  if (!Array.isArray(list)) {
    throw new ConfigurationError('keys', 'must be bol’s signature keys: a list, or { signatureKeys: [...] }')
  }
  return list
}

/**
 * Verifies a bol push notification: the `Signature` header (`keyId=…, algorithm="rsa-sha256", signature=…`) must
 * be an RSASSA-PKCS1-v1_5 / SHA-256 signature of the exact body bytes, by the key with that id. Resolves to the
 * parsed notification; rejects with `BolWebhookError` whose `reason` says what was wrong (`missing-signature`,
 * `malformed-signature`, `unsupported-algorithm`, `unknown-key`, `invalid-key`, `bad-signature`, `malformed-body`).
 * Pass the request unread: its body is read here.
 *
 * @example
 * ```ts
 * const keys = await bol.subscriptions.signatureKeys()
 * export async function POST(request: Request) {
 *   const notification = await verifyBolWebhook(request, { keys })
 *   if (notification.event?.resource === 'PROCESS_STATUS') await onProcessEnded(notification.event.resourceId)
 *   return new Response(null, { status: 204 })
 * }
 * ```
 */
export async function verifyBolWebhook(
  request: BolWebhookInput,
  options: VerifyBolWebhookOptions,
): Promise<BolPushNotification> {
  if (typeof options?.keys !== 'function' && typeof options?.keys !== 'object') {
    throw new ConfigurationError('keys', 'is required: bol’s signature keys, from subscriptions.signatureKeys()')
  }
  const header = headerOf(request, 'signature')
  if (header === undefined || header.trim() === '') {
    throw new BolWebhookError('missing-signature', 'the push notification has no Signature header')
  }
  const parsed = parseSignatureHeader(header)
  const signature = parsed && decodeBase64(parsed.signature)
  if (parsed === undefined || signature === undefined) {
    throw new BolWebhookError('malformed-signature', 'the Signature header needs a keyId and a base64 signature')
  }
  const { keyId, algorithm } = parsed
  if (algorithm !== undefined && algorithm !== 'rsa-sha256') {
    throw new BolWebhookError(
      'unsupported-algorithm',
      'the Signature header names an algorithm other than rsa-sha256',
      { keyId },
    )
  }
  const key = (await keyList(options.keys)).find((candidate) => candidate.id === keyId)
  if (key === undefined) {
    throw new BolWebhookError(
      'unknown-key',
      `no signature key with id "${keyId.slice(0, 100)}"; fetch bol's keys again`,
      { keyId },
    )
  }
  let publicKey: CryptoKey
  try {
    publicKey = await importSPKI(`-----BEGIN PUBLIC KEY-----\n${key.publicKey}\n-----END PUBLIC KEY-----`, 'RS256')
  } catch (error) {
    throw new BolWebhookError('invalid-key', `signature key "${keyId.slice(0, 100)}" is not an RSA public key`, {
      keyId,
      cause: error,
    })
  }
  const body = await bodyOf(request)
  if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', publicKey, signature, body))) {
    throw new BolWebhookError('bad-signature', `the signature does not match the body (key "${keyId.slice(0, 100)}")`, {
      keyId,
    })
  }
  let notification: unknown
  try {
    notification = JSON.parse(new TextDecoder().decode(body))
  } catch {
    notification = undefined
  }
  if (typeof notification !== 'object' || notification === null || Array.isArray(notification)) {
    throw new BolWebhookError('malformed-body', 'the signed body is not a JSON object', { keyId })
  }
  return notification as BolPushNotification
}
