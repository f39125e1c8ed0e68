import { booleanOf, isRecord, stringOf } from '../internal/values.js'
import { violationsOf } from '../internal/violations.js'
import type { ProblemParser } from '../problem-source.js'

/** The members RFC 9457 defines, and bol.com's `violations`; everything else is an extension member. */
const standardMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'violations'])

/**
 * RFC 9457 problem details in JSON (`application/problem+json`), and bol.com's problems, which use the same
 * members plus `violations: [{ name, reason }]` and arrive as `application/vnd.retailer.v10+json`. A body counts
 * as a problem when its content type says so, or when it has a string `title` or `detail`, or `violations`.
 * Extension members (bol's `host`, RFC 9457's `errors`, anything else) are kept in `extensions`; RFC 9457's
 * `errors: [{ detail, pointer }]` also become violations when `violations` is absent.
 *
 * @example
 * ```ts
 * // {"type":"https://api.bol.com/problems","title":"Error validating request…","status":400,
 * //  "detail":"Bad request","violations":[{"name":"orderItems[0].quantity","reason":"must be greater than 0"}]}
 * ```
 */
export const problemJsonParser: ProblemParser = ({ json, contentType }) => {
  if (!isRecord(json)) return undefined
  const declared = contentType === 'application/problem+json'
  const shaped =
    stringOf(json.title) !== undefined || stringOf(json.detail) !== undefined || Array.isArray(json.violations)
  if (!declared && !shaped) return undefined
  const extensions = Object.fromEntries(Object.entries(json).filter(([key]) => !standardMembers.has(key)))
  return {
    type: stringOf(json.type),
    title: stringOf(json.title),
    detail: stringOf(json.detail),
    instance: stringOf(json.instance),
    violations: violationsOf(Array.isArray(json.violations) ? json.violations : json.errors),
    extensions,
    retryable: booleanOf(json.retryable),
  }
}
