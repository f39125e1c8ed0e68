import { booleanOf, isRecord, stringOf } from '../internal/values.js'
import type { ProblemParser } from '../problem-source.js'

/**
 * B2Brouter's error object: `{"error": {"code", "message", "type"}}`, with `param` naming the field on some
 * 422s. `code` (`resource_missing`, `parameter_taken`, …) becomes `providerCode`, `message` the `detail`, and the
 * whole body stays in `extensions`. Documented at https://developer.b2brouter.net/docs/error_codes.
 *
 * @example
 * ```ts
 * // {"error":{"code":"unauthorized","message":"Invalid API Key provided, …","type":"invalid_request_error"}}
 * ```
 */
export const b2brouterParser: ProblemParser = ({ json }) => {
  if (!isRecord(json) || !isRecord(json.error)) return undefined
  const { code, message, param, retryable } = json.error
  const detail = stringOf(message)
  if (detail === undefined && stringOf(code) === undefined) return undefined
  const field = stringOf(param)
  return {
    detail,
    providerCode: stringOf(code),
    violations: field === undefined ? [] : [{ name: field, reason: detail ?? '' }],
    extensions: { ...json },
    retryable: booleanOf(retryable),
  }
}
