import type { StoredToken } from '@b2bkit/auth'

/**
 * A stored token read back from its JSON, or `undefined` when the value is not one (written by something else, or
 * by an incompatible version): the token source then fetches a new token and overwrites it.
 */
export function parseStoredToken(text: string): StoredToken | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const { accessToken, tokenType, issuedAt, expiresAt, scope } = value as Record<string, unknown>
  if (typeof accessToken !== 'string' || accessToken === '' || typeof tokenType !== 'string') return undefined
  if (typeof issuedAt !== 'number' || typeof expiresAt !== 'number') return undefined
  if (!Number.isFinite(issuedAt) || !Number.isFinite(expiresAt)) return undefined
  const token: StoredToken = { accessToken, tokenType, issuedAt, expiresAt }
  if (typeof scope === 'string') token.scope = scope
  return token
}
