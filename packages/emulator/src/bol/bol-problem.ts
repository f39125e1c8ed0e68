import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'

/** The vendor media type of the Retailer API v10. */
export const retailerJson = 'application/vnd.retailer.v10+json'

/** One violation in a bol problem. */
export interface BolViolation {
  name: string
  reason: string
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** An RFC 7807 problem in bol's shape (`type`, `title`, `status`, `detail`, `host`, `instance`, `violations`). */
export function bolProblem(
  exchange: Pick<Exchange, 'origin' | 'path'>,
  status: number,
  detail: string,
  violations: BolViolation[] = [],
  headers: Record<string, string> = {},
): ResponseDraft {
  const body = {
    type: 'https://api.bol.com/problems',
    title:
      status === 400 && violations.length > 0
        ? 'Error validating request. Consult the bol.com API documentation for more information.'
        : (titles[status] ?? 'Error'),
    status,
    detail,
    host: 'Instance-001',
    instance: `${exchange.origin}${exchange.path}`,
    violations,
  }
  return jsonResponse(status, body, retailerJson, headers)
}

/** A 400 problem listing the violations, or `undefined` when there are none. */
export function validationProblem(exchange: Exchange, violations: BolViolation[]): ResponseDraft | undefined {
  return violations.length === 0 ? undefined : bolProblem(exchange, 400, 'Bad request', violations)
}
