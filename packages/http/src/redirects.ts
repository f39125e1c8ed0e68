import { NetworkError } from './errors.js'
import { displayUrl, isSecretHeader } from './redact.js'

/** The most redirects followed for one request, as browsers and undici do. */
export const maxRedirects = 20

const redirectStatuses = new Set([301, 302, 303, 307, 308])
const bodyHeaders = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']

/**
 * Sends a request that carries credentials, following redirects itself instead of leaving them to fetch: fetch drops
 * only `Authorization` when a redirect leaves the origin, so an API key (`X-B2B-API-Key`, `X-API-Key`, a cookie, a
 * header named in `secretHeaders`) would go along to whatever host the `Location` names. Here a redirect on the same
 * origin keeps every header; one to another origin goes without any credential header. Methods and bodies change
 * as fetch changes them (303, and 301/302 after a POST, become a GET without a body).
 *
 * A request whose `redirect` is `'manual'` gets the redirect response; `'error'` fails with `NetworkError`, and so
 * does a redirect in a runtime that hides its target (a browser's `opaqueredirect`).
 */
export async function sendFollowingRedirects(
  request: Request,
  send: typeof globalThis.fetch,
  secretHeaders: readonly string[],
  init?: RequestInit,
): Promise<Response> {
  const mode = request.redirect
  // A body can be sent once; keep a copy for a 307/308, which sends it again.
  const spare = request.body === null ? undefined : request.clone()
  let spareBytes: ArrayBuffer | undefined
  let current = request
  for (let hop = 0; ; hop++) {
    const response = await send(new Request(current, { redirect: 'manual' }), init)
    if (mode === 'manual') return response
    if (response.type === 'opaqueredirect') {
      // Browsers hide where a manual redirect goes, so it cannot be checked: refuse rather than follow blindly.
      throw new NetworkError(current.method, displayUrl(current.url), {
        cause: new Error('the server redirected, and this runtime hides the target; call the final URL instead'),
      })
    }
    if (!redirectStatuses.has(response.status)) return response
    const location = response.headers.get('location')
    // A redirect status without a Location is the answer itself, as fetch treats it.
    if (location === null) return response
    await response.body?.cancel().catch(() => undefined)
    const failure = (reason: string) =>
      new NetworkError(current.method, displayUrl(current.url), { cause: new Error(reason) })
    if (mode === 'error') throw failure('the server redirected a request whose redirect mode is "error"')
    if (hop + 1 > maxRedirects) throw failure(`more than ${maxRedirects} redirects`)
    let target: URL
    try {
      target = new URL(location, current.url)
    } catch {
      throw failure('the redirect Location is not a URL')
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw failure(`the redirect goes to a ${target.protocol} URL, not http(s)`)
    }
    const headers = new Headers(current.headers)
    let method = current.method
    let body: ArrayBuffer | null = null
    const becomesGet =
      (response.status === 303 && method !== 'GET' && method !== 'HEAD') ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    if (becomesGet) {
      method = 'GET'
      for (const name of bodyHeaders) headers.delete(name)
    } else if (spare !== undefined) {
      spareBytes ??= await spare.arrayBuffer()
      body = spareBytes
    }
    if (target.origin !== new URL(current.url).origin) {
      for (const name of [...headers.keys()]) if (isSecretHeader(name, secretHeaders)) headers.delete(name)
    }
    current = new Request(target, {
      method,
      headers,
      body,
      signal: current.signal,
      credentials: current.credentials,
      cache: current.cache,
      referrerPolicy: current.referrerPolicy,
      keepalive: current.keepalive,
    })
  }
}
