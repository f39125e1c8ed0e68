import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'

/** Convictional's error body as the emulator sends it: `{"statusCode", "message"}`. */
export const convictionalError = (
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): ResponseDraft => jsonResponse(status, { statusCode: status, message, ...extra })

/** A plain JSON answer. */
export const convictionalJson = (body: unknown, status = 200): ResponseDraft => jsonResponse(status, body)

/**
 * A list page `{data, hasMore, next}`: `?page=` counts from 0, `?limit=` is 1–100 (default 25), and `next` is the
 * path and query of the following page (or `null` on the last one).
 */
export function listResponse(exchange: Exchange, items: readonly unknown[]): ResponseDraft {
  const page = Number(exchange.query.get('page') ?? 0)
  const limit = Number(exchange.query.get('limit') ?? 25)
  if (!Number.isInteger(page) || page < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    return convictionalError(400, 'page must be 0 or more and limit between 1 and 100.')
  }
  const data = items.slice(page * limit, (page + 1) * limit)
  const hasMore = (page + 1) * limit < items.length
  const query = new URLSearchParams(exchange.query)
  query.set('page', String(page + 1))
  query.set('limit', String(limit))
  return convictionalJson({ data, hasMore, next: hasMore ? `${exchange.path}?${query}` : null })
}
