import { B2bkitError } from '@b2bkit/http'
import {
  isPreconditionFailedError as isProblemPreconditionFailed,
  type ProblemInit,
  PreconditionFailedError as ProblemPreconditionFailedError,
} from '@b2bkit/problem'

/** One version of a resource: its ETag and its content. */
export interface ResourceVersion<T = unknown> {
  /** The version's ETag, as the server sent it. */
  readonly etag: string | undefined
  /** The resource's content at that version. */
  readonly value: T
}

/** What a 412 knows beyond the problem body: the ETag that was sent, and for `update()` both versions. */
export interface PreconditionDetails<T = unknown> {
  /** The `If-Match` the refused request sent. */
  sentEtag?: string | undefined
  /** What `update()` last tried to write, and the version it was based on. */
  attempted?: ResourceVersion<T> | undefined
  /** The version on the server when `update()` gave up. */
  current?: ResourceVersion<T> | undefined
  /** How many read-change-write rounds `update()` made. */
  attempts?: number | undefined
}

/**
 * 412 Precondition Failed: the resource changed since its ETag was read. It extends `@b2bkit/problem`'s
 * `PreconditionFailedError`, so one `catch` (or `isPreconditionFailedError()` from either package) covers both;
 * from `update()` it also carries the version it tried to write and the version it found on the server.
 *
 * @example
 * ```ts
 * try { await update(http, 'proposals/7', addAsset) } catch (error) {
 *   if (isPreconditionFailedError(error)) console.log(error.attempted?.etag, '→', error.current?.etag)
 * }
 * ```
 */
export class PreconditionFailedError<T = unknown> extends ProblemPreconditionFailedError {
  /** The `If-Match` the refused request sent. */
  readonly sentEtag: string | undefined
  /** What `update()` last tried to write, and the version it was based on. */
  readonly attempted: ResourceVersion<T> | undefined
  /** The version on the server when `update()` gave up. */
  readonly current: ResourceVersion<T> | undefined
  /** How many read-change-write rounds `update()` made. */
  readonly attempts: number | undefined

  constructor(problem: ProblemInit, details: PreconditionDetails<T> = {}) {
    super(problem)
    this.sentEtag = details.sentEtag
    this.attempted = details.attempted
    this.current = details.current
    this.attempts = details.attempts
  }

  override toJSON(): Record<string, unknown> {
    const versions = {
      sentEtag: this.sentEtag,
      attemptedEtag: this.attempted?.etag,
      currentEtag: this.current?.etag,
      attempts: this.attempts,
    }
    return {
      ...super.toJSON(),
      ...Object.fromEntries(Object.entries(versions).filter(([, value]) => value !== undefined)),
    }
  }
}

/**
 * Whether `value` is a 412 error, from this package or `@b2bkit/problem`, from any installed copy. The version
 * fields are `undefined` on a 412 that did not come through `etag()` or `update()`.
 */
export function isPreconditionFailedError(value: unknown): value is PreconditionFailedError {
  return isProblemPreconditionFailed(value)
}

/**
 * A modifying request needed an ETag (`If-Match`) and none was known for its resource. Thrown before anything is
 * sent: read the resource first, or pass `If-Match` yourself. Code `'MISSING_ETAG'`.
 */
export class MissingEtagError extends B2bkitError {
  override name = 'MissingEtagError' as const
  /** The method of the request that was not sent. */
  readonly method: string
  /** Its URL, without query string or credentials. */
  readonly url: string

  constructor(method: string, url: string, reason: string) {
    super('MISSING_ETAG', `${method} ${url} was not sent: ${reason}`)
    this.method = method
    this.url = url
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), method: this.method, url: this.url }
  }
}
