import type { Violation } from '../problem-error.js'
import { firstString, isRecord } from './values.js'

/** Where the field is named, in the shapes the providers use. */
const nameKeys = ['name', 'field', 'param', 'parameter', 'path', 'pointer'] as const
/** Where the reason is given. */
const reasonKeys = ['reason', 'message', 'userMessage', 'detail', 'description'] as const

/** The most violations kept from one body, so a hostile body cannot make a huge error. */
const maxViolations = 1000

/**
 * Per-field problems from a list of objects, whatever the provider calls the field and the reason; entries that
 * name neither are skipped. `nameKeysFirst` puts provider-specific name keys (SieSmart's `code`) ahead of the rest.
 */
export function violationsOf(list: unknown, nameKeysFirst: readonly string[] = []): Violation[] {
  if (!Array.isArray(list)) return []
  const violations: Violation[] = []
  for (const entry of list.slice(0, maxViolations)) {
    if (!isRecord(entry)) continue
    const name = firstString(entry, [...nameKeysFirst, ...nameKeys]) ?? ''
    const reason = firstString(entry, reasonKeys) ?? ''
    if (name !== '' || reason !== '') violations.push({ name, reason })
  }
  return violations
}

/** The reasons of `violations` as one sentence, for a provider that sends a list and no summary. */
export function joinReasons(violations: readonly Violation[]): string | undefined {
  const reasons = violations.map((violation) => violation.reason).filter((reason) => reason !== '')
  if (reasons.length === 0) return undefined
  return reasons.length > 3 ? `${reasons.slice(0, 3).join('; ')}; and ${reasons.length - 3} more` : reasons.join('; ')
}
