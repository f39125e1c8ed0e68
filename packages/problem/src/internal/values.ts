// Small readers of untrusted JSON values, shared by the parsers.

/** Whether `value` is a plain JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `value` if it is a non-empty string, else `undefined`. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** `value` if it is a boolean, else `undefined`. */
export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined
}

/** The first of `keys` that holds a non-empty string in `record`. */
export function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = stringOf(record[key])
    if (value !== undefined) return value
  }
  return undefined
}
