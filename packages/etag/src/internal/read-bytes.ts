import { bodyBoundsOf } from '@b2bkit/http'

/**
 * The body's bytes when it has at most `maxBytes` of them; `undefined` (and the rest left unread) when it is
 * longer or cannot be read. Used to cache a representation only when it is small enough to keep.
 */
export async function readBytesUpTo(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (declared > maxBytes || !response.body) return response.body ? undefined : new Uint8Array(0)
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  // Under createClient(), the request's timeout bounds this read too: a stalled body is not cached, not waited for.
  const timeoutMs = bodyBoundsOf(response)?.timeoutMs
  let timedOut = false
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true
          void reader.cancel().catch(() => undefined)
        }, timeoutMs)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (timedOut) return undefined
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        void reader.cancel().catch(() => undefined)
        return undefined
      }
      chunks.push(value)
    }
  } catch {
    return undefined
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}
