import { redactUrl } from '@b2bkit/http'

/** The default resource key: the URL without its fragment. Query strings name different resources. */
export function defaultResourceOf(url: URL): string {
  const copy = new URL(url)
  copy.hash = ''
  return copy.href
}

/** The key of a cached representation (the body of a GET): the exact URL, apart from resource versions. */
export function representationKey(url: string): string {
  return `GET ${url.split('#', 1)[0]}`
}

/** A URL fit for an error message: no query string, no credentials. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.search = ''
    return redactUrl(parsed)
  } catch {
    return redactUrl(url)
  }
}
