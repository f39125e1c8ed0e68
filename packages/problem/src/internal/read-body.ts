/** A response body read with a size and time bound. */
export interface BoundedText {
  /** The bytes read (at most the bound). */
  bytes: Uint8Array<ArrayBuffer>
  /** The decoded text, or `undefined` when there was no body or it could not be read. */
  text: string | undefined
  /** Whether the body was longer than the bound and was cut. */
  truncated: boolean
}

/**
 * Reads at most `maxBytes` of a response body within `timeoutMs`, then stops reading. Decodes with the charset
 * the `Content-Type` names (UTF-8 when it names none or an unknown one); bytes that are not valid in it become
 * U+FFFD rather than an exception. Never throws.
 */
export async function readBoundedText(response: Response, maxBytes: number, timeoutMs: number): Promise<BoundedText> {
  const body = response.body
  const nothing: BoundedText = { bytes: new Uint8Array(0), text: undefined, truncated: false }
  if (!body) return nothing
  let reader: ReadableStreamDefaultReader<Uint8Array>
  try {
    reader = body.getReader()
  } catch {
    return nothing
  }
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  const timer = setTimeout(() => {
    truncated = true
    void reader.cancel().catch(() => undefined)
  }, timeoutMs)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
      if (size > maxBytes) {
        truncated = true
        void reader.cancel().catch(() => undefined)
        break
      }
    }
  } catch {
    if (chunks.length === 0) return nothing
    truncated = true
  } finally {
    clearTimeout(timer)
  }
  const bytes = concat(chunks, Math.min(size, maxBytes))
  // `stream: true` holds back a multi-byte character cut in half at the bound instead of garbling it.
  const text = decoderFor(response.headers.get('content-type')).decode(bytes, { stream: truncated })
  return { bytes, text, truncated }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    if (offset >= length) break
    const part = chunk.subarray(0, length - offset)
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";,\s]+)/i.exec(contentType ?? '')?.[1]
  if (charset) {
    try {
      return new TextDecoder(charset)
    } catch {
      // An unknown charset label: fall back to UTF-8.
    }
  }
  return new TextDecoder('utf-8')
}
