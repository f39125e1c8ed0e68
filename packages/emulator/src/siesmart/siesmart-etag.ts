import { type Exchange, headerValue } from '../core/exchange.js'
import { isoDateTime } from '../internal/fixtures.js'

/** The next `lastModified` / ETag: now, or 1 ms after the previous one, so every change gets a new date-time. */
export function nextModified(previous: string | undefined, nowMs: number): string {
  const previousMs = previous === undefined ? Number.NEGATIVE_INFINITY : Date.parse(previous)
  return isoDateTime(Math.max(nowMs, previousMs + 1))
}

/** An entity tag without quotes or a weak prefix, so `"x"`, `W/"x"` and `x` compare equal. */
const bare = (tag: string) =>
  tag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')

/** The precondition verdict for a modifying call. */
export type Precondition = 'missing' | 'stale' | 'ok'

/** Checks `If-Match` against the current ETag (`*` matches any). */
export function checkIfMatch(exchange: Exchange, currentTag: string): Precondition {
  const header = headerValue(exchange, 'if-match')
  if (header === undefined || header.trim() === '') return 'missing'
  const tags = header.split(',').map(bare)
  return tags.includes('*') || tags.includes(currentTag) ? 'ok' : 'stale'
}

/** Whether `If-None-Match` names the current ETag (for a 304). */
export function matchesIfNoneMatch(exchange: Exchange, currentTag: string): boolean {
  const header = headerValue(exchange, 'if-none-match')
  if (header === undefined) return false
  return header
    .split(',')
    .map(bare)
    .some((tag) => tag === currentTag || tag === '*')
}
