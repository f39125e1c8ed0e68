import { ConfigurationError, displayUrl } from '@b2bkit/http'
import { isProblemError, type ProblemInit, toProblemError } from '@b2bkit/problem'
import { isHTTPError, type KyInstance, type Options } from 'ky'
import { MissingEtagError, PreconditionFailedError, type ResourceVersion } from './errors.js'

/** Options of `update()`. */
export interface UpdateOptions {
  /**
   * How many read-change-write rounds to make before giving up with `PreconditionFailedError`.
   * @default 5
   */
  attempts?: number | undefined
  /**
   * The method that writes the changed resource.
   * @default 'PUT'
   */
  method?: 'PUT' | 'PATCH' | 'POST' | undefined
  /** Stops the loop: the request in flight is aborted and `update()` rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /** More ky options for both the read and the write (headers, search params, context). @default {} */
  requestOptions?: Omit<Options, 'method' | 'json' | 'body' | 'signal'> | undefined
}

/** What `update()` wrote. */
export interface UpdateResult<T> {
  /** The resource as written: the write's JSON response when it has one, else the changed value. */
  readonly value: T
  /** The new version's ETag, when the write response carried one. */
  readonly etag: string | undefined
  /** How many rounds it took (1 when nobody else wrote in between). */
  readonly attempts: number
}

/**
 * Read → change → write with `If-Match`, and on 412 read again and re-apply `change` to the fresh version, up to
 * `attempts` rounds; then `PreconditionFailedError` with the version it tried to write and the one on the server.
 *
 * `change` gets a copy of the current resource and returns the new one. It may run more than once, each time on a
 * newer version, so it must compute from its argument alone and have no side effects (mutating the argument is
 * fine: it is a copy). A read without an `ETag` fails with `MissingEtagError` before anything is written.
 *
 * @example
 * ```ts
 * const { value } = await update<Offer>(http, 'retailer/offers/42', (offer) => ({ ...offer, stock: offer.stock - 1 }))
 * ```
 */
export async function update<T>(
  http: KyInstance,
  url: string | URL,
  change: (current: T) => T | Promise<T>,
  options: UpdateOptions = {},
): Promise<UpdateResult<T>> {
  const { attempts = 5, method = 'PUT', signal, requestOptions = {} } = options
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new ConfigurationError('attempts', 'must be a whole number, at least 1')
  // ky merges the caller's options (headers included) the way it always does.
  const client = Object.keys(requestOptions).length > 0 ? http.extend(requestOptions) : http
  let refused: { error: unknown; attempted: ResourceVersion<T> } | undefined
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const current = await read<T>(client, url, signal)
    const next = await change(structuredClone(current.value))
    try {
      const headers = { 'If-Match': current.etag }
      const response = await client(url, { method, json: next, headers, ...(signal ? { signal } : {}) })
      const written = parseJson(await response.text())
      return { value: (written ?? next) as T, etag: response.headers.get('etag') ?? undefined, attempts: attempt }
    } catch (error) {
      if (!isPreconditionFailure(error)) throw error
      refused = { error, attempted: { etag: current.etag, value: next } }
    }
  }
  // Out of attempts: one more read, so the error can show what the server holds now.
  const current = await read<T>(client, url, signal).catch(() => undefined)
  throw new PreconditionFailedError<T>(problemOf(refused?.error), {
    sentEtag: refused?.attempted.etag,
    attempted: refused?.attempted,
    current,
    attempts,
  })
}

async function read<T>(
  http: KyInstance,
  url: string | URL,
  signal: AbortSignal | undefined,
): Promise<{ etag: string; value: T }> {
  const response = await http.get(url, signal ? { signal } : {})
  const etag = response.headers.get('etag')
  if (!etag) {
    throw new MissingEtagError(
      'GET',
      displayUrl(response.url || String(url)),
      'the read returned no ETag, so no write can be made safely',
    )
  }
  return { etag, value: parseJson(await response.text()) as T }
}

function parseJson(text: string): unknown {
  return text === '' ? undefined : JSON.parse(text)
}

function isPreconditionFailure(error: unknown): boolean {
  return (isProblemError(error) && error.status === 412) || (isHTTPError(error) && error.response.status === 412)
}

function problemOf(error: unknown): ProblemInit {
  if (isProblemError(error)) return error
  if (isHTTPError(error)) return toProblemError(error)
  return { status: 412 }
}
