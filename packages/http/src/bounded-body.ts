import { ResponseTooLargeError, TimeoutError } from './errors.js'
import { displayUrl } from './redact.js'

/** The most bytes of a response body `createClient()` reads by default: 16 MiB, decoded. */
export const defaultMaxResponseBytes = 16 * 1024 ** 2

const nullBodyStatuses = new Set([204, 205, 304])

/** What bounds one response body. */
export interface BodyBounds {
  /** The most bytes the body may have after decompression; `undefined` for no bound. */
  maxBytes: number | undefined
  /**
   * How long the body may take to arrive in full: counted from the response headers by `boundResponseBody()`, and
   * from the start of each read by `applyBodyBounds()`; `undefined` for no bound.
   */
  timeoutMs: number | undefined
  /** For the errors: the request's method and URL (shown without query string or user info). */
  method: string
  url: string
}

/**
 * The response with its body bounded in size and time: reading it fails with `ResponseTooLargeError` once more than
 * `maxBytes` arrived, and with `TimeoutError` when it has not ended `timeoutMs` after the headers. Every reader
 * (`.json()`, `.text()`, a stream reader, a plugin reading an error body) gets the same bounds, and the connection is
 * released when one is hit. Without a body, or without bounds, the response is returned as it is.
 */
export function boundResponseBody(response: Response, bounds: BodyBounds): Response {
  const source = response.body
  if (source === null || (bounds.maxBytes === undefined && bounds.timeoutMs === undefined)) return response
  // `Response` cannot be built with these statuses and a body; fetch gives them none anyway.
  if (response.status < 200 || response.status > 599 || nullBodyStatuses.has(response.status)) return response
  const reader = source.getReader()
  let received = 0
  let finished = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let fail: (error: Error) => void = () => {}
  const settle = () => {
    finished = true
    if (timer !== undefined) clearTimeout(timer)
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      fail = (error) => {
        if (finished) return
        settle()
        controller.error(error)
        reader.cancel(error).catch(() => undefined)
      }
      if (bounds.timeoutMs !== undefined) {
        timer = setTimeout(() => fail(new TimeoutError(bounds.method, displayUrl(bounds.url))), bounds.timeoutMs)
        // A body nobody reads must not keep the process alive; the bound still applies while it runs.
        ;(timer as { unref?: () => void }).unref?.()
      }
    },
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>
      try {
        chunk = await reader.read()
      } catch (error) {
        if (finished) return
        settle()
        controller.error(error)
        return
      }
      if (finished) return
      if (chunk.done) {
        settle()
        controller.close()
        return
      }
      received += chunk.value.byteLength
      if (bounds.maxBytes !== undefined && received > bounds.maxBytes) {
        fail(new ResponseTooLargeError(bounds.method, displayUrl(bounds.url), bounds.maxBytes))
        return
      }
      controller.enqueue(chunk.value)
    },
    cancel(reason) {
      settle()
      return reader.cancel(reason)
    },
  })
  const { status, statusText, headers } = response
  const bounded = new Response(body, { status, statusText, headers })
  // A constructed Response has no URL; keep the one the request went to, and whether it was redirected.
  Object.defineProperties(bounded, {
    url: { value: response.url, enumerable: true },
    redirected: { value: response.redirected, enumerable: true },
  })
  return bounded
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
 * The whole body within the response's bounds (see `applyBodyBounds()`); a response without bounds is read as it is.
 *
 * @example
 * ```ts
 * const bytes = await readBoundedBytes(await http.get('invoices/1/pdf'))
 * ```
 */
export async function readBoundedBytes(response: Response): Promise<Uint8Array<ArrayBuffer>> {
  const bounds = recorded.get(response)
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
