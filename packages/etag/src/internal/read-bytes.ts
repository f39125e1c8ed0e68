import { bodyBoundsOf, readBoundedBytes } from '@b2bkit/http'

/**
 * The body's bytes when it has at most `maxBytes` of them; `undefined` (and the rest left unread) when it is
 * longer or cannot be read. Used to cache a representation only when it is small enough to keep. Under
 * createClient(), the request's timeout bounds the read too: a stalled body is not cached, not waited for.
 */
export async function readBytesUpTo(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes || !response.body) return response.body ? undefined : new Uint8Array(0)
  const timeoutMs = bodyBoundsOf(response)?.timeoutMs
  try {
    return await readBoundedBytes(response, { maxBytes, timeoutMs, method: 'GET', url: response.url })
  } catch {
    return undefined
  }
}
