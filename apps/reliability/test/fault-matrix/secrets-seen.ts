// Bearer tokens are secrets the client learns at run time. A fetch wrapper given to the client records every one
// it sends, so the secret scan can look for them too.

/** A fetch that records the bearer tokens of the requests it sends, and the set it records them in. */
export function tokenRecordingFetch(): { fetch: typeof globalThis.fetch; tokens: Set<string> } {
  const tokens = new Set<string>()
  const recording: typeof globalThis.fetch = (input, init) => {
    const request = new Request(input, init)
    const authorization = request.headers.get('authorization')
    if (authorization?.startsWith('Bearer ')) tokens.add(authorization.slice('Bearer '.length))
    return globalThis.fetch(request)
  }
  return { fetch: recording, tokens }
}
