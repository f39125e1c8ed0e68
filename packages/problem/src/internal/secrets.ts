import { isSecretHeader, redactText } from '@b2bkit/http'
import { isRecord } from './values.js'

/**
 * The credential values a request carried (`Authorization`, `X-B2B-API-Key`, cookies, and `extraSecretHeaders`):
 * the whole value, and the credential after an auth scheme. A provider that echoes a request back in its error
 * body must not put them into an error message, `toJSON()` or a log line.
 */
export function secretsOf(request: Request | undefined, extraSecretHeaders: readonly string[] = []): string[] {
  if (!request) return []
  const secrets: string[] = []
  for (const [name, value] of request.headers) {
    if (!isSecretHeader(name, extraSecretHeaders)) continue
    secrets.push(value)
    const credential = /^\S+\s+(\S+)$/.exec(value)?.[1]
    if (credential) secrets.push(credential)
  }
  return secrets
}

/** `value` with every string in it passed through `redactText`, down to a bounded depth. */
export function redactDeep<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === 'string') return redactText(value, secrets) as T
  if (depth > 8 || typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1)) as T
  if (!isRecord(value)) return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets, depth + 1)]),
  ) as T
}

/**
 * The client's extra secret header names, when it shares them with plugins through the request context
 * (`context.secretHeaders`, as `createClient()` shares `allowInsecureHttp`).
 */
export function contextSecretHeaders(context: Readonly<Record<string, unknown>> | undefined): string[] {
  const names = context?.secretHeaders
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : []
}
