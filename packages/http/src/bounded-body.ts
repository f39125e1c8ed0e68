import { ResponseTooLargeError, TimeoutError } from './errors.js'
import { displayUrl } from './redact.js'

/** The most bytes of a response body `createClient()` reads by default: 16 MiB, decoded. */
export const defaultMaxResponseBytes = 16 * 1024 ** 2

const nullBodyStatuses = new Set([204, 205, 304])

/** What bounds one response body. */
export interface BodyBounds {
  /** The most bytes the body may have after decompression; `undefined` for no bound. */
  maxBytes: number | undefined
  /** How long after the response headers the body may take to arrive in full; `undefined` for no bound. */
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
