import { booleanOf, firstString, isRecord } from '../internal/values.js'
import type { ProblemParser } from '../problem-source.js'

/** The longest plain-text body kept as `detail`. */
const maxTextDetailLength = 2000

/**
 * Any other JSON object: a `message`, `error_description`, `description` or string `error` member becomes the
 * `detail`, a `code` the `providerCode`, and the whole body stays in `extensions`, so nothing is lost.
 *
 * @example
 * ```ts
 * // {"message":"Service temporarily unavailable","code":"MAINTENANCE"}
 * ```
 */
export const genericJsonParser: ProblemParser = ({ json }) => {
  if (!isRecord(json)) return undefined
  const code = json.code
  return {
    detail: firstString(json, ['message', 'error_description', 'description', 'error', 'msg']),
    providerCode: typeof code === 'string' || typeof code === 'number' ? String(code) : undefined,
    extensions: { ...json },
    retryable: booleanOf(json.retryable),
  }
}

/**
 * A plain-text body, or one that is not any known shape: its text, whitespace collapsed and cut at 2,000
 * characters, becomes the `detail`. An HTML error page contributes only its `<title>`. An empty body gives
 * nothing, and the error keeps the status's reason phrase as its title.
 *
 * @example
 * ```ts
 * // "Service Unavailable: maintenance until 14:00"
 * ```
 */
export const plainTextParser: ProblemParser = ({ text, contentType }) => {
  const collapsed = text?.replace(/\s+/g, ' ').trim()
  if (!collapsed) return undefined
  if (contentType === 'text/html' || /^<(!doctype html|html)\b/i.test(collapsed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(collapsed)?.[1]?.trim()
    return title ? { detail: title } : {}
  }
  return {
    detail: collapsed.length > maxTextDetailLength ? `${collapsed.slice(0, maxTextDetailLength)}…` : collapsed,
  }
}
