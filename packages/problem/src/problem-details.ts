import { bodyBoundsOf, ConfigurationError, type Plugin } from '@b2bkit/http'
import { isHTTPError } from 'ky'
import { type BoundedText, readBoundedText } from './internal/read-body.js'
import { contextSecretHeaders } from './internal/secrets.js'
import type { ProblemParser } from './problem-source.js'
import {
  buildProblemError,
  defaultMaxBodyBytes,
  defaultReadTimeoutMs,
  type ToProblemErrorOptions,
  toProblemError,
} from './to-problem-error.js'

/** Options of `problemDetails()`. */
export interface ProblemDetailsOptions extends ToProblemErrorOptions {
  /**
   * Parsers for provider bodies the built-in ones do not know, tried first, in order.
   * @default []
   */
  parsers?: readonly ProblemParser[] | undefined
  /**
   * The most bytes of an error body read. A longer body is cut there: the error is still typed, with what was read.
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number | undefined
  /**
   * The longest an error body is read for, in milliseconds, so a server that stalls mid-body cannot hang the call.
   * Under `createClient()`, the request's `timeout` bounds it too, when shorter.
   * @default 10_000
   */
  readTimeoutMs?: number | undefined
}

/**
 * A plugin that turns every failed response into the right `ProblemError`: `NotFoundError` for a 404,
 * `TooManyRequestsError` (with `retryAfterMs`) for a 429, `ServerError` for a 5xx, and so on. It reads RFC 9457
 * problem+json, bol.com's problems in JSON and XML, B2Brouter's, Convictional's and SieSmart's error bodies, and
 * plain text or an empty body; a body that is huge, cut off, not UTF-8 or not what its `Content-Type` says still
 * gives a typed error. The error carries the provider's request id, and never the request's credentials.
 *
 * The body is read by the plugin itself (bounded by `maxBodyBytes` and `readTimeoutMs`), because ky drops the text
 * of a body that claims JSON and is not, and reads up to 10 MiB for as long as the request timeout allows; when
 * a later plugin replaced the response, it falls back to ky's `error.data`. With `throwHttpErrors: false`, a
 * failed response reaches you as the plugin read it: whole when it fits in `maxBodyBytes`, cut beyond.
 *
 * @example
 * ```ts
 * const http = createClient({ baseUrl: 'https://api.bol.com', plugins: [bearerAuth(tokens), problemDetails()] })
 * try { await http.get('retailer/orders/123') } catch (error) {
 *   if (isNotFoundError(error)) console.log(error.detail, error.requestId)
 * }
 * ```
 */
export function problemDetails(options: ProblemDetailsOptions = {}): Plugin {
  const {
    parsers = [],
    maxBodyBytes = defaultMaxBodyBytes,
    readTimeoutMs = defaultReadTimeoutMs,
    clock,
    secretHeaders = [],
  } = options
  validate(parsers, maxBodyBytes, readTimeoutMs, secretHeaders)
  // What was read of each failed response's body, by the stand-in response handed back to ky.
  const bodies = new WeakMap<Response, BoundedText>()
  return {
    name: 'problem-details',
    options: {
      hooks: {
        afterResponse: [
          async ({ response }) => {
            if (response.ok || response.status < 200 || response.status === 304) return
            // A client's own timeout, when shorter, bounds the read too: a stalled error body fails the call in time.
            const clientTimeoutMs = bodyBoundsOf(response)?.timeoutMs ?? readTimeoutMs
            const body = await readBoundedText(response, maxBodyBytes, Math.min(readTimeoutMs, clientTimeoutMs))
            // A stand-in holding only what was read: ky then fills error.data from memory, and cancels the rest
            // of a huge or stalled body instead of reading it for as long as its own bounds allow.
            const { status, statusText, headers } = response
            const standIn = new Response(body.bytes.byteLength > 0 ? body.bytes : null, { status, statusText, headers })
            bodies.set(standIn, body)
            return standIn
          },
        ],
        beforeError: [
          ({ error, request, options: requestOptions }) => {
            if (!isHTTPError(error)) return error
            const { response } = error
            const body = bodies.get(response)
            // A later plugin may have swapped the response: then ky's own error.data is what there is.
            if (body === undefined) return toProblemError(error, { parsers, clock, secretHeaders })
            const { status, headers } = response
            const secrets = [...secretHeaders, ...contextSecretHeaders(requestOptions.context)]
            return buildProblemError({ ...body, status, headers }, response, {
              parsers,
              clock,
              request,
              secretHeaders: secrets,
            })
          },
        ],
      },
    },
  }
}

function validate(parsers: unknown, maxBodyBytes: unknown, readTimeoutMs: unknown, secretHeaders: unknown): void {
  if (!Array.isArray(parsers)) throw new ConfigurationError('parsers', 'must be an array of parser functions')
  for (const [index, parser] of parsers.entries()) {
    if (typeof parser !== 'function') throw new ConfigurationError(`parsers[${index}]`, 'is not a function')
  }
  if (typeof maxBodyBytes !== 'number' || !Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new ConfigurationError('maxBodyBytes', 'must be a positive whole number of bytes')
  }
  if (!Array.isArray(secretHeaders) || secretHeaders.some((name) => typeof name !== 'string')) {
    throw new ConfigurationError('secretHeaders', 'must be an array of header names')
  }
  if (typeof readTimeoutMs !== 'number' || !(readTimeoutMs > 0)) {
    throw new ConfigurationError('readTimeoutMs', 'must be a positive number of milliseconds')
  }
}
