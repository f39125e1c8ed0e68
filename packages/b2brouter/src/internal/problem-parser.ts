import { b2brouterParser, type ProblemParser } from '@b2bkit/problem'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * B2Brouter's error body, `{"error": {"code", "message", "type", "param"?}}`, read by @b2bkit/problem's parser, plus
 * a `details: [{ field, message }]` list on validation errors: each entry becomes a violation.
 */
export const b2brouterProblemParser: ProblemParser = (source) => {
  const parsed = b2brouterParser(source)
  const error = isRecord(source.json) ? source.json.error : undefined
  if (parsed === undefined || !isRecord(error) || !Array.isArray(error.details)) return parsed
  const details = error.details.filter(isRecord).map((detail) => ({
    name: typeof detail.field === 'string' ? detail.field : '',
    reason: typeof detail.message === 'string' ? detail.message : '',
  }))
  return { ...parsed, violations: [...(parsed.violations ?? []), ...details] }
}
