/** What replaces a secret in anything b2bkit prints. */
export const REDACTED = '[REDACTED]'

/** Header names whose values are credentials and are never shown. */
const secretHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-b2b-api-key',
])

/** Query or body keys whose values are credentials. */
const secretKeyPattern = /(secret|token|password|api[-_]?key|assertion|code_verifier|^code$)/i

/**
 * Whether a header carries a credential (`Authorization`, `X-B2B-API-Key`, cookies and the like).
 *
 * @param extraSecretHeaders - more header names to treat as credentials (a provider's own API-key header)
 */
export function isSecretHeader(name: string, extraSecretHeaders: Iterable<string> = []): boolean {
  const lower = name.toLowerCase()
  if (secretHeaderNames.has(lower)) return true
  for (const extra of extraSecretHeaders) if (extra.toLowerCase() === lower) return true
  return false
}

/**
 * A header value fit for a log: credentials become `[REDACTED]`, keeping an auth scheme such as `Bearer`.
 *
 * @example
 * ```ts
 * redactHeaderValue('authorization', 'Bearer eyJ...') // 'Bearer [REDACTED]'
 * ```
 */
export function redactHeaderValue(name: string, value: string, extraSecretHeaders: Iterable<string> = []): string {
  if (!isSecretHeader(name, extraSecretHeaders)) return value
  const scheme = /^(Bearer|Basic|Token|Digest)\s+/i.exec(value)
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED
}

/** A plain object of headers fit for a log, with every credential redacted. */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  extraSecretHeaders: Iterable<string> = [],
): Record<string, string> {
  const extra = [...extraSecretHeaders]
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers)
  return Object.fromEntries(entries.map(([name, value]) => [name, redactHeaderValue(name, value, extra)]))
}

/**
 * A URL fit for an error message: no user info, and the values of secret-looking query parameters redacted.
 *
 * @example
 * ```ts
 * redactUrl('https://user:pw@host/path?access_token=abc&page=2') // 'https://host/path?access_token=[REDACTED]&page=2'
 * ```
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return redactText(String(url))
  }
  parsed.username = ''
  parsed.password = ''
  for (const key of [...parsed.searchParams.keys()]) {
    if (secretKeyPattern.test(key)) parsed.searchParams.set(key, REDACTED)
  }
  return parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED)
}

/**
 * A URL fit for an error message: no query string, no user info. Query strings often carry ids a log does not
 * need, and sometimes credentials.
 *
 * @example
 * ```ts
 * displayUrl('https://user:pw@api.example.com/orders?page=2') // 'https://api.example.com/orders'
 * ```
 */
export function displayUrl(url: string | URL): string {
  try {
    const parsed = new URL(url)
    parsed.search = ''
    return redactUrl(parsed)
  } catch {
    return redactUrl(String(url))
  }
}

// Bearer/Basic credentials and JWT-shaped strings, wherever they appear in free text.
const credentialInText = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi
const jwtInText = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g

/**
 * Free text fit for a message or log: `Bearer …`/`Basic …` credentials, JWTs, and every string in `secrets`
 * are replaced by `[REDACTED]`.
 *
 * @param secrets - known secret values (a client secret, an API key) to hide wherever they occur
 */
export function redactText(text: string, secrets: Iterable<string | undefined> = []): string {
  let result = text.replace(credentialInText, (_match, scheme: string) => `${scheme} ${REDACTED}`)
  result = result.replace(jwtInText, REDACTED)
  for (const secret of secrets) {
    // Very short values would redact ordinary words; a secret that short is not worth hiding this way.
    if (secret !== undefined && secret.length >= 6) result = result.split(secret).join(REDACTED)
  }
  return result
}
