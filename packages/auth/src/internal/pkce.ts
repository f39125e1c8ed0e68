import { base64url } from 'jose'

/** A random string of `byteLength` random bytes, base64url-encoded (no padding). Web Crypto only. */
export function randomToken(byteLength: number): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(byteLength)))
}

/**
 * A PKCE code verifier (RFC 7636 §4.1): 32 random bytes give 43 characters of the unreserved set, the shortest
 * length the RFC allows and 256 bits of entropy.
 */
export function createCodeVerifier(): string {
  return randomToken(32)
}

/** The S256 code challenge of a verifier (RFC 7636 §4.2): BASE64URL(SHA-256(ASCII(verifier))). */
export async function codeChallengeOf(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier))
  return base64url.encode(new Uint8Array(digest))
}
