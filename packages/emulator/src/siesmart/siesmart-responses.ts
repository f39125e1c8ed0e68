import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'

const codes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
}

/** The SieSmart emulator's error body: `{"code", "message", "traceId"}`. */
export function siesmartError(
  exchange: Pick<Exchange, 'requestId'>,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): ResponseDraft {
  return jsonResponse(status, { code: codes[status] ?? 'ERROR', message, traceId: exchange.requestId, ...extra })
}

/** A JSON answer. */
export const siesmartJson = (body: unknown, status = 200, headers: Record<string, string> = {}): ResponseDraft =>
  jsonResponse(status, body, 'application/json', headers)
