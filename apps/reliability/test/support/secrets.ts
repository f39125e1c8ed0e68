// Planted secrets and the scan for them. A secret is recognisable by a random part long enough that no text
// contains any ten characters of it by chance, so a scan also catches a secret cut in half (a message truncated
// in the middle of an echoed token still leaks its first half).
import { inspect } from 'node:util'
import fc from 'fast-check'

const window = 10

/** Characters a bearer token may hold (RFC 6750 b64token). */
const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/'

/** A recognisable secret: `label` then 24 random token characters. */
export function plantSecret(label: string): string {
  const random = crypto.getRandomValues(new Uint8Array(24))
  return `${label}${[...random].map((byte) => tokenAlphabet[byte % tokenAlphabet.length]).join('')}`
}

/**
 * The same as a fast-check arbitrary: 24 characters drawn from a seed, so that shrinking cannot turn the secret into
 * `AAAA…`, which ten characters of ordinary text could match by chance.
 */
export const plantedToken: fc.Arbitrary<string> = fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => {
  let state = seed
  let random = ''
  for (let index = 0; index < 24; index++) {
    // xorshift32
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    random += tokenAlphabet[(state >>> 0) % tokenAlphabet.length]
  }
  return `tok${random}`
})

/** Whether `text` holds `secret`, or any ten consecutive characters of its random part (its last 24). */
export function leaks(text: string, secret: string): boolean {
  if (text.includes(secret)) return true
  const random = secret.slice(-24)
  for (let start = 0; start + window <= random.length; start++) {
    if (text.includes(random.slice(start, start + window))) return true
  }
  return false
}

/** Every view of an error a program may print or ship: message, String(), stack, toJSON(), util.inspect(). */
export function viewsOf(error: unknown): string[] {
  const views = [inspect(error, { depth: 10 }), String(error)]
  if (error instanceof Error) views.push(error.message, error.stack ?? '')
  const toJSON = (error as { toJSON?: () => unknown } | null)?.toJSON
  if (typeof toJSON === 'function') views.push(JSON.stringify(toJSON.call(error)))
  return views
}

/** The secrets (by label) that leak into any view of `error`. */
export function leakedSecrets(error: unknown, secrets: Readonly<Record<string, string>>): string[] {
  const views = viewsOf(error)
  return Object.entries(secrets)
    .filter(([, secret]) => views.some((view) => leaks(view, secret)))
    .map(([label]) => label)
}
