import { InsecureTransportError } from './errors.js'
import { isSecretHeader, redactUrl } from './redact.js'

const loopbackHosts = new Set(['localhost', '[::1]', '::1'])

/** Whether `hostname` names this machine: `localhost`, `127.0.0.0/8` or `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname) || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname)
}

/**
 * Throws `InsecureTransportError` when `url` is plain `http://` to a host that is not loopback, unless
 * `allowInsecureHttp` is set. Call it before sending credentials anywhere (a token endpoint, an API).
 */
export function assertSecureUrl(url: string | URL, allowInsecureHttp = false): void {
  const parsed = new URL(url)
  if (parsed.protocol === 'http:' && !allowInsecureHttp && !isLoopbackHost(parsed.hostname)) {
    parsed.search = ''
    throw new InsecureTransportError(redactUrl(parsed))
  }
}

/** Whether the request carries a credential header (`Authorization`, an API key, a cookie). */
export function hasCredentials(headers: Headers, extraSecretHeaders: Iterable<string> = []): boolean {
  const extra = [...extraSecretHeaders]
  for (const name of headers.keys()) if (isSecretHeader(name, extra)) return true
  return false
}
