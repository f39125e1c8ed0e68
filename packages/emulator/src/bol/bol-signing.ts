import { exportSPKI, generateKeyPair } from 'jose'

/** The RSA key pair that signs push notifications; bol publishes the public half at `/retailer/subscriptions/signature-keys`. */
export interface BolSigningKey {
  /** The key id sent as `keyId` in the `Signature` header. */
  id: string
  /** Base64 DER (X.509 SubjectPublicKeyInfo), as bol's `KeySet.publicKey`. */
  publicKeyBase64: string
  /** The public key as PEM, for tests and tools. */
  publicKeyPem: string
  /** Signs bytes with RSASSA-PKCS1-v1_5 / SHA-256 and returns base64. */
  sign(data: Uint8Array): Promise<string>
}

/** Creates the signing key once, on first use (RSA key generation takes a moment). */
export function lazySigningKey(): () => Promise<BolSigningKey> {
  let key: Promise<BolSigningKey> | undefined
  return () => {
    key ??= (async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 })
      const publicKeyPem = await exportSPKI(publicKey)
      return {
        id: '0',
        publicKeyPem,
        publicKeyBase64: publicKeyPem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''),
        async sign(data) {
          const signature = await crypto.subtle.sign(
            'RSASSA-PKCS1-v1_5',
            privateKey as CryptoKey,
            data as Uint8Array<ArrayBuffer>,
          )
          return Buffer.from(signature).toString('base64')
        },
      }
    })()
    return key
  }
}

/** The `Signature` header bol sends with each push notification. */
export const signatureHeader = (keyId: string, signature: string): string =>
  `keyId=${keyId}, algorithm="rsa-sha256", signature=${signature}`
