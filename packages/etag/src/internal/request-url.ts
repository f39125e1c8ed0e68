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
