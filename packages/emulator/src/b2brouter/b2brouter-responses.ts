import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'

const codes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  422: 'unprocessable_entity',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
}

/** B2Brouter's error body: `{"error": {"code", "message", ...}}`. */
export function b2brouterError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  code?: string,
): ResponseDraft {
  return jsonResponse(status, { error: { code: code ?? codes[status] ?? 'error', message, ...extra } })
}

/** A plain JSON answer. */
export const b2brouterJson = (body: unknown, status = 200): ResponseDraft => jsonResponse(status, body)

/** Reads `offset` and `limit` (1–500, default 25); an error response when they are not numbers in range. */
export function offsetAndLimit(exchange: Exchange): { offset: number; limit: number } | ResponseDraft {
  const offset = Number(exchange.query.get('offset') ?? 0)
  const limit = Number(exchange.query.get('limit') ?? 25)
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 500) {
    return b2brouterError(400, 'offset must be 0 or more and limit between 1 and 500.')
  }
  return { offset, limit }
}

/** A list page: `{ <key>: [...], total_count, offset, limit }`. */
export function listPage(
  key: string,
  items: readonly unknown[],
  page: { offset: number; limit: number },
): ResponseDraft {
  return b2brouterJson({
    [key]: items.slice(page.offset, page.offset + page.limit),
    total_count: items.length,
    offset: page.offset,
    limit: page.limit,
  })
}
