import { B2bkitError } from '@b2bkit/http'
import { hasMarker, mark } from './internal/markers.js'
import { reasonPhrase } from './internal/reason-phrases.js'

const problemMarker = Symbol.for('b2bkit.error.problem')

/** The longest `detail` quoted in an error message; the whole detail stays on `error.detail`. */
const messageDetailLength = 500

/** One thing wrong with a request, as bol.com reports it: the field or parameter, and why. */
export interface Violation {
  /** The field, parameter or header at fault (`'orderItems[0].quantity'`), or `''` when the provider names none. */
  readonly name: string
  /** Why it is wrong, in the provider's words. */
  readonly reason: string
}

/** Everything a `ProblemError` is made from. A `ProblemError` is itself a valid `ProblemInit`. */
export interface ProblemInit {
  /** The HTTP status of the response. It decides the subclass, whatever the body's own `status` member says. */
  status: number
  /** RFC 9457 `type`: a URI naming the kind of problem. @default 'about:blank' */
  type?: string | undefined
  /** RFC 9457 `title`: a short summary. @default the status code's reason phrase */
  title?: string | undefined
  /** RFC 9457 `detail`: what went wrong this time. */
  detail?: string | undefined
  /** RFC 9457 `instance`: a URI naming this occurrence. */
  instance?: string | undefined
  /** bol.com's `violations`, or what another provider reports per field. @default [] */
  violations?: readonly Violation[] | undefined
  /** The provider's other members, kept as they came (bol's `host`, RFC 9457 extension members). @default {} */
  extensions?: Readonly<Record<string, unknown>> | undefined
  /** The provider's own error code (B2Brouter's `resource_missing`, SieSmart's `code`). */
  providerCode?: string | undefined
  /** Whether sending the same request again may succeed. @default true for 408, 425, 429 and 5xx */
  retryable?: boolean | undefined
  /** How long the provider asked to wait before trying again (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined
  /** The provider's request id (`X-Request-ID` and the like). */
  requestId?: string | undefined
  /** The HTTP method of the failed request. */
  method?: string | undefined
  /** The URL of the failed request, without query string or credentials. */
  url?: string | undefined
  /** The response; kept off the enumerable properties so a logged error never dumps headers or a body. */
  response?: Response | undefined
}

/**
 * An HTTP failure, read from the response's problem body: RFC 9457 fields, bol.com's `violations`, the provider's
 * own code, whether a retry may help, and the request id. The subclasses (`NotFoundError`, `ConflictError`, …)
 * exist where callers branch; `isProblemError()` and the per-class guards recognise errors from any installed
 * copy of b2bkit.
 *
 * `code` is `'PROBLEM'` here and a per-status code on the subclasses (`'NOT_FOUND'`, `'CONFLICT'`, …).
 *
 * @example
 * ```ts
 * try { await http.get('retailer/orders/123').json() } catch (error) {
 *   if (isProblemError(error)) console.log(error.status, error.title, error.violations, error.requestId)
 * }
 * ```
 */
export class ProblemError extends B2bkitError {
  override name: string = 'ProblemError'
  /** The HTTP status of the response. */
  readonly status: number
  /** RFC 9457 `type`; `'about:blank'` when the provider gave none. */
  readonly type: string
  /** RFC 9457 `title`; the status code's reason phrase when the provider gave none. */
  readonly title: string
  /** RFC 9457 `detail`, or the provider's message. */
  readonly detail: string | undefined
  /** RFC 9457 `instance`. */
  readonly instance: string | undefined
  /** What was wrong, per field or parameter; empty when the provider said nothing that specific. */
  readonly violations: readonly Violation[]
  /** The provider's other members, as they came. */
  readonly extensions: Readonly<Record<string, unknown>>
  /** The provider's own error code, when it sends one. */
  readonly providerCode: string | undefined
  /** Whether sending the same request again may succeed: 408, 425, 429, 5xx, or the provider's own flag. */
  readonly retryable: boolean
  /** The provider's `Retry-After`, in milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined
  /** The HTTP method of the failed request. */
  readonly method: string | undefined
  /** The URL of the failed request, without query string or credentials. */
  readonly url: string | undefined
  /** The response (status and headers; its body has been read). Not enumerable, so logs leave it out. */
  declare readonly response: Response | undefined

  /**
   * @param init - the problem's fields
   * @param code - the stable code; subclasses pass their own
   */
  constructor(init: ProblemInit, code = 'PROBLEM') {
    const title = init.title ?? reasonPhrase(init.status)
    super(code, messageOf(init, title), { requestId: init.requestId })
    this.status = init.status
    this.type = init.type ?? 'about:blank'
    this.title = title
    this.detail = init.detail
    this.instance = init.instance
    this.violations = init.violations ?? []
    this.extensions = init.extensions ?? {}
    this.providerCode = init.providerCode
    this.retryable = init.retryable ?? isRetryableStatus(init.status)
    this.retryAfterMs = init.retryAfterMs
    this.method = init.method
    this.url = init.url
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false, configurable: true })
    mark(this, problemMarker)
  }

  /** A plain, secret-free view for logs and JSON: the problem's fields, without the response or `extensions`. */
  override toJSON(): Record<string, unknown> {
    const fields = {
      status: this.status,
      type: this.type,
      title: this.title,
      detail: this.detail,
      instance: this.instance,
      violations: this.violations.length > 0 ? this.violations : undefined,
      providerCode: this.providerCode,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      method: this.method,
      url: this.url,
    }
    return {
      ...super.toJSON(),
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    }
  }
}

/** Whether a failure with this status may succeed when sent again: 408, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599)
}

/**
 * Whether `value` is a `ProblemError`, even one thrown by another installed copy of `@b2bkit/problem`.
 *
 * @example
 * ```ts
 * if (isProblemError(error) && error.retryable) await retryLater()
 * ```
 */
export function isProblemError(value: unknown): value is ProblemError {
  return hasMarker(value, problemMarker)
}

function messageOf(init: ProblemInit, title: string): string {
  let message = `${init.status} ${title}`
  const detail = init.detail?.trim()
  if (detail && detail !== title) {
    message += `: ${detail.length > messageDetailLength ? `${detail.slice(0, messageDetailLength)}…` : detail}`
  }
  if (init.method !== undefined && init.url !== undefined) message += ` (${init.method} ${init.url})`
  return message
}
