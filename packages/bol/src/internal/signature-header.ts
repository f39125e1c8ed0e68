/** The parts of bol's push-notification `Signature` header. */
export interface SignatureHeader {
  /** The id of the key that signed (a `KeySet.id` from `GET /retailer/subscriptions/signature-keys`). */
  keyId: string
  /** The algorithm bol names, lower-cased (`rsa-sha256`), when it names one. */
  algorithm: string | undefined
  /** The signature, base64. */
  signature: string
}

/**
 * Reads `keyId=0, algorithm="rsa-sha256", signature=<base64>`: comma-separated `name=value` pairs, names in any
 * case, values bare or in double quotes, in any order. `undefined` when `keyId` or `signature` is missing or empty.
 *
 * @example
 * ```ts
 * parseSignatureHeader('keyId=0, algorithm="rsa-sha256", signature=c2ln') // { keyId: '0', algorithm: 'rsa-sha256', signature: 'c2ln' }
 * ```
 */
export function parseSignatureHeader(value: string): SignatureHeader | undefined {
  const parameters = new Map<string, string>()
  for (const part of value.split(',')) {
    const equals = part.indexOf('=')
    if (equals <= 0) continue
    const name = part.slice(0, equals).trim().toLowerCase()
    const raw = part.slice(equals + 1).trim()
    const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw
    if (!parameters.has(name)) parameters.set(name, unquoted)
  }
  const keyId = parameters.get('keyid')
  const signature = parameters.get('signature')
  if (!keyId || !signature) return undefined
  return { keyId, algorithm: parameters.get('algorithm')?.toLowerCase(), signature }
}

/** The bytes of standard base64 (padding optional, whitespace ignored), or `undefined` when it is not base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const compact = text.replace(/\s+/g, '')
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined
  try {
    const binary = atob(compact)
    const bytes = new Uint8Array(binary.length)
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
    return bytes
  } catch {
    return undefined
  }
}
