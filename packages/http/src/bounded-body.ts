import { ResponseTooLargeError, TimeoutError } from './errors.js'
import { displayUrl } from './redact.js'

/** The most bytes of a response body `createClient()` reads by default: 16 MiB, decoded. */
export const defaultMaxResponseBytes = 16 * 1024 ** 2

/** What bounds one response body. */
export interface BodyBounds {
  /** The most bytes the body may have after decompression; `undefined` for no bound. */
  maxBytes: number | undefined
  /** How long one read of the body may take, from its start; `undefined` for no bound. */
  timeoutMs: number | undefined
  /** For the errors: the request's method and URL (shown without query string or user info). */
  method: string
  url: string
}

/** The bounds of each response `createClient()` handed out, and of its clones. */
const recorded = new WeakMap<Response, BodyBounds>()

/**
 * Bounds the response's body readers in place, without a stream in between: `.text()`, `.json()`, `.arrayBuffer()`,
 * `.bytes()` and `.blob()` of the response and of every clone of it read at most `maxBytes` (then
 * `ResponseTooLargeError`) and give up `timeoutMs` after they start (then `TimeoutError`), as ky's own shortcuts
 * do; either way the rest of the body is cancelled. Code that reads `response.body` itself can ask for the bounds
 * with `bodyBoundsOf(response)`. Without a body, or without bounds, the response is returned as it is.
 */
export function applyBodyBounds(response: Response, bounds: BodyBounds): Response {
  if (response.body === null || (bounds.maxBytes === undefined && bounds.timeoutMs === undefined)) return response
  recorded.set(response, bounds)
  Object.assign(response, boundedReaders)
  return response
}

/** The bounds `createClient()` put on this response (or on the response it was cloned from), if any. */
export function bodyBoundsOf(response: Response): BodyBounds | undefined {
  return recorded.get(response)
}

/**
 * The whole body within `bounds`: by default the ones `createClient()` put on the response (see
 * `applyBodyBounds()`), so a response without them is read as it is. Past `maxBytes` it fails with
 * `ResponseTooLargeError`, after `timeoutMs` with `TimeoutError`, and cancels the rest of the body.
 *
 * @example
 * ```ts
 * const bytes = await readBoundedBytes(await http.get('invoices/1/pdf'))
 * const token = await readBoundedBytes(response, { maxBytes: 1024 ** 2, timeoutMs: 5_000, method: 'POST', url })
 * ```
 */
export async function readBoundedBytes(
  response: Response,
  bounds: BodyBounds | undefined = recorded.get(response),
): Promise<Uint8Array<ArrayBuffer>> {
  if (bounds === undefined) return new Uint8Array(await Response.prototype.arrayBuffer.call(response))
  if (response.bodyUsed) throw new TypeError('Body is unusable: Body has already been read')
  const body = response.body
  if (body === null) return new Uint8Array(0)
  const reader = body.getReader()
  let failure: Error | undefined
  const fail = (error: Error) => {
    failure ??= error
    reader.cancel(failure).catch(() => undefined)
  }
  const timer =
    bounds.timeoutMs === undefined
      ? undefined
      : setTimeout(() => fail(new TimeoutError(bounds.method, displayUrl(bounds.url))), bounds.timeoutMs)
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (failure !== undefined) throw failure
      if (done) break
      size += value.byteLength
      if (bounds.maxBytes !== undefined && size > bounds.maxBytes) {
        fail(new ResponseTooLargeError(bounds.method, displayUrl(bounds.url), bounds.maxBytes))
        throw failure
      }
      chunks.push(value)
    }
  } catch (error) {
    throw failure ?? error
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
  if (chunks.length === 1 && (chunks[0] as Uint8Array).byteLength === (chunks[0] as Uint8Array).buffer.byteLength) {
    return chunks[0] as Uint8Array<ArrayBuffer>
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

const utf8 = new TextDecoder()

// Shared by every bounded response: each reads its own bounds through `this`.
const boundedReaders = {
  async text(this: Response): Promise<string> {
    return utf8.decode(await readBoundedBytes(this))
  },
  async json(this: Response): Promise<unknown> {
    return JSON.parse(utf8.decode(await readBoundedBytes(this)))
  },
  async arrayBuffer(this: Response): Promise<ArrayBuffer> {
    return (await readBoundedBytes(this)).buffer
  },
  async bytes(this: Response): Promise<Uint8Array<ArrayBuffer>> {
    return readBoundedBytes(this)
  },
  async blob(this: Response): Promise<Blob> {
    return new Blob([await readBoundedBytes(this)], { type: this.headers.get('content-type') ?? '' })
  },
  clone(this: Response): Response {
    const copy = Response.prototype.clone.call(this)
    const bounds = recorded.get(this)
    return bounds === undefined ? copy : applyBodyBounds(copy, bounds)
  },
}
