import { timingSafeEqual } from 'node:crypto'
import { type Exchange, headerValue, isRecord, jsonBody } from './exchange.js'

/** OAuth2 client credentials as a token request carried them. */
export interface PresentedCredentials {
  clientId: string | undefined
  clientSecret: string | undefined
  grantType: string | undefined
  /** Auth0's `audience` (JSON bodies). */
  audience: string | undefined
}

/** Reads client credentials from a Basic header, a form body, a JSON body, or the query string. */
export function readClientCredentials(exchange: Exchange): PresentedCredentials {
  const result: PresentedCredentials = {
    clientId: undefined,
    clientSecret: undefined,
    grantType: exchange.query.get('grant_type') ?? undefined,
    audience: undefined,
  }
  const basic = /^Basic\s+(\S+)$/i.exec(headerValue(exchange, 'authorization') ?? '')
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
    const separator = decoded.indexOf(':')
    if (separator > 0) {
      result.clientId = decodeURIComponent(decoded.slice(0, separator))
      result.clientSecret = decodeURIComponent(decoded.slice(separator + 1))
    }
  }
  const contentType = headerValue(exchange, 'content-type') ?? ''
  const fields: Record<string, unknown> = contentType.includes('json')
    ? ((value) => (isRecord(value) ? value : {}))(jsonBody(exchange))
    : Object.fromEntries(new URLSearchParams(exchange.rawBody))
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined)
  result.clientId ??= text('client_id')
  result.clientSecret ??= text('client_secret')
  result.grantType = text('grant_type') ?? result.grantType
  result.audience = text('audience')
  return result
}

/** Compares two secrets in constant time. */
export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Why a client-credentials token request is refused, or `undefined` when it may have a token. */
export function clientCredentialsRefusal(
  presented: PresentedCredentials,
  expected: { clientId: string; clientSecret: string },
): 'unsupported-grant' | 'invalid-client' | undefined {
  if (presented.grantType !== 'client_credentials') return 'unsupported-grant'
  if (presented.clientId !== expected.clientId || !secretsEqual(presented.clientSecret, expected.clientSecret)) {
    return 'invalid-client'
  }
  return undefined
}
