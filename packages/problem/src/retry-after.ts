/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds (`120`) or an HTTP date (RFC 9110
 * section 10.2.3). A date in the past gives `0`; a value that is neither gives `undefined`.
 *
 * @param value - the header value
 * @param now - the current time in milliseconds since the epoch
 * @default now Date.now()
 * @example
 * ```ts
 * parseRetryAfter('120') // 120_000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')) // 60_000
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const trimmed = value?.trim()
  if (!trimmed) return undefined
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only an HTTP date (IMF-fixdate or the obsolete forms) counts, not whatever Date.parse happens to accept.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}
