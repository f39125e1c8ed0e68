import { booleanOf, firstString, isRecord, stringOf } from '../internal/values.js'
import { joinReasons, violationsOf } from '../internal/violations.js'
import type { ProblemParser } from '../problem-source.js'

/**
 * SieSmart's error objects. Its gateway answers with Siemens' common error list
 * `{"errors": [{"code", "message", "logref"}]}`; its own endpoints describe a refusal with `code` and
 * `userMessage`, and unmet pre-conditions as `preconditionViolations: [{code, userMessage}]` (the shape of the
 * decision pre-check, https://developer.siemens.com/siesmart/common-scenarios/submit-for-decision.html). The first
 * `code` becomes `providerCode`; `logref` stays in `extensions` for support requests.
 *
 * @example
 * ```ts
 * // {"errors":[{"code":"siesmart.proposal.notFound","message":"Proposal 4711 not found","logref":"7e2c…"}]}
 * ```
 */
export const siesmartParser: ProblemParser = ({ json }) => {
  if (!isRecord(json)) return undefined
  if (Array.isArray(json.errors) && json.errors.some(isRecord)) {
    const entries = json.errors.filter(isRecord)
    const messages = violationsOf(entries, ['code'])
    return {
      detail: joinReasons(messages),
      providerCode: entries.map((entry) => stringOf(entry.code)).find((code) => code !== undefined),
      // The entries are errors, not fields: only those that name a field count as violations.
      violations: violationsOf(entries.filter((entry) => firstString(entry, ['field', 'path']) !== undefined)),
      extensions: { ...json },
      retryable: booleanOf(json.retryable),
    }
  }
  const userMessage = stringOf(json.userMessage)
  if (userMessage === undefined && !Array.isArray(json.preconditionViolations)) return undefined
  const violations = violationsOf(json.preconditionViolations, ['code'])
  return {
    detail: userMessage ?? joinReasons(violations),
    providerCode: stringOf(json.code),
    violations,
    extensions: { ...json },
    retryable: booleanOf(json.retryable),
  }
}
