import type { Violation } from './problem-error.js'

/** A failed response, read and decoded once, as every parser sees it. */
export interface ProblemSource {
  /** The HTTP status. */
  readonly status: number
  /** The response's media type, lower-cased and without parameters (`'application/problem+json'`), or `''`. */
  readonly contentType: string
  /** The response headers. */
  readonly headers: Headers
  /** The body as text (at most `maxBodyBytes` of it), or `undefined` when there was none or it was unreadable. */
  readonly text: string | undefined
  /**
   * The body parsed as JSON when it is JSON, whatever the `Content-Type` claims; `undefined` otherwise. A body that
   * says JSON but is not parses as text; a body that says text but is JSON parses as JSON.
   */
  readonly json: unknown
  /** Whether the body was longer than `maxBodyBytes` and was cut. */
  readonly truncated: boolean
}

/** What a parser found in a problem body. Every field is optional; the missing ones get defaults. */
export interface ParsedProblem {
  /** RFC 9457 `type`. */
  type?: string | undefined
  /** RFC 9457 `title`. */
  title?: string | undefined
  /** RFC 9457 `detail`, or the provider's message. */
  detail?: string | undefined
  /** RFC 9457 `instance`. */
  instance?: string | undefined
  /** Per-field problems. */
  violations?: readonly Violation[] | undefined
  /** Other members of the body, kept as they came. */
  extensions?: Record<string, unknown> | undefined
  /** The provider's own error code. */
  providerCode?: string | undefined
  /** The provider's own word on whether a retry may help; overrides the default by status. */
  retryable?: boolean | undefined
}

/**
 * Reads one kind of error body. Returns `undefined` when the body is not of its kind, so the next parser gets a
 * turn. A parser must not throw; if one does, the body is treated as unparseable and the next parser is tried.
 *
 * @example
 * ```ts
 * // { "fault": { "reason": "…" } }
 * const faultParser: ProblemParser = ({ json }) => {
 *   const fault = (json as { fault?: { reason?: unknown } } | undefined)?.fault
 *   return typeof fault?.reason === 'string' ? { detail: fault.reason } : undefined
 * }
 * problemDetails({ parsers: [faultParser] })
 * ```
 */
export type ProblemParser = (source: ProblemSource) => ParsedProblem | undefined
