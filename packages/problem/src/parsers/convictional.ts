import { isRecord, stringOf } from '../internal/values.js'
import { joinReasons, violationsOf } from '../internal/violations.js'
import type { ProblemParser } from '../problem-source.js'

/**
 * Convictional's two error bodies: `{"error": "message"}`, and `{"error": [{"message": …}, …]}` for validation,
 * where each entry becomes a violation (named by its `field` or `path` when it has one) and the messages together
 * become the `detail`.
 *
 * @example
 * ```ts
 * // {"error":"order not found"}
 * // {"error":[{"message":"items[0].sku is required","field":"items[0].sku"}]}
 * ```
 */
export const convictionalParser: ProblemParser = ({ json }) => {
  if (!isRecord(json)) return undefined
  const { error } = json
  const message = stringOf(error)
  if (message !== undefined) return { detail: message, extensions: { ...json } }
  if (!Array.isArray(error) || !error.some(isRecord)) return undefined
  const violations = violationsOf(error)
  return { detail: joinReasons(violations), violations, extensions: { ...json } }
}
