import { displayUrl, getRequestId } from '@b2bkit/http'
import type { HTTPError } from 'ky'
import { readBoundedText } from './internal/read-body.js'
import { contextSecretHeaders, redactDeep, secretsOf } from './internal/secrets.js'
import { isRecord } from './internal/values.js'
import { parseProblem, problemSourceOf, type RawProblemBody } from './parse-problem.js'
import type { ProblemError } from './problem-error.js'
import type { ProblemParser } from './problem-source.js'
import { parseRetryAfter } from './retry-after.js'
import { createProblemError } from './status-errors.js'

/** How a failed response becomes a `ProblemError`. */
export interface ToProblemErrorOptions {
  /** Parsers for provider bodies, tried before the built-in ones. @default [] */
  parsers?: readonly ProblemParser[] | undefined
  /** Where `Retry-After` dates are measured from. @default Date.now */
  clock?: { now(): number } | undefined
  /**
   * More request headers whose values must never reach the error, besides `Authorization`, `X-API-Key`,
   * `X-B2B-API-Key` and cookies (and those the client shares as `context.secretHeaders`).
   * @default []
   */
  secretHeaders?: readonly string[] | undefined
}

/** Options of `problemFromResponse()`. */
export interface ProblemFromResponseOptions extends ToProblemErrorOptions {
  /** The request that failed: names the method and URL, and its credentials are kept out of the error. */
  request?: Request | undefined
  /** The most bytes of the body read. @default 1_048_576 (1 MiB) */
  maxBodyBytes?: number | undefined
  /** The longest the body is read for, in milliseconds. @default 10_000 */
  readTimeoutMs?: number | undefined
}

/** Default bounds of a body read: error bodies are small, and a huge or endless one is cut, not buffered. */
export const defaultMaxBodyBytes = 1_048_576
export const defaultReadTimeoutMs = 10_000

/**
 * The `ProblemError` for a failed response, reading its body (bounded in size and time) with the parsers.
 * For `fetch` users and anyone outside ky; with ky, use the `problemDetails()` plugin.
 *
 * @example
 * ```ts
 * const response = await fetch(url)
 * if (!response.ok) throw await problemFromResponse(response)
 * ```
 */
export async function problemFromResponse(
  response: Response,
  options: ProblemFromResponseOptions = {},
): Promise<ProblemError> {
  const { text, truncated } = await readBoundedText(
    response,
    options.maxBodyBytes ?? defaultMaxBodyBytes,
    options.readTimeoutMs ?? defaultReadTimeoutMs,
  )
  return buildProblemError({ status: response.status, headers: response.headers, text, truncated }, response, {
    ...options,
  })
}

/**
 * The `ProblemError` for ky's `HTTPError`, from the body ky already read into `error.data`. Plugins that handle one
 * status (such as `@b2bkit/etag` on 412) use it so they work without `problemDetails()` installed.
 *
 * @example
 * ```ts
 * if (isHTTPError(error)) throw toProblemError(error)
 * ```
 */
export function toProblemError(error: HTTPError, options: ToProblemErrorOptions = {}): ProblemError {
  const { data, response, request } = error
  const text = typeof data === 'string' ? data : data === undefined ? undefined : safeStringify(data)
  const secretHeaders = [...(options.secretHeaders ?? []), ...contextSecretHeaders(error.options?.context)]
  return buildProblemError({ status: response.status, headers: response.headers, text }, response, {
    ...options,
    secretHeaders,
    request,
  })
}

/** Builds the error from a body already read: parses it, keeps credentials out, adds the request's context. */
export function buildProblemError(
  body: RawProblemBody,
  response: Response | undefined,
  options: ToProblemErrorOptions & { request?: Request | undefined },
): ProblemError {
  const { request, parsers, clock, secretHeaders } = options
  const parsed = redactDeep(parseProblem(problemSourceOf(body), parsers), secretsOf(request, secretHeaders))
  return createProblemError({
    ...parsed,
    status: body.status,
    retryAfterMs: parseRetryAfter(body.headers.get('retry-after'), clock?.now() ?? Date.now()),
    requestId: getRequestId(body.headers),
    method: request?.method,
    url: request === undefined ? undefined : displayUrl(request.url),
    response,
  })
}

function safeStringify(data: unknown): string | undefined {
  try {
    return isRecord(data) || Array.isArray(data) ? JSON.stringify(data) : String(data)
  } catch {
    return undefined
  }
}
