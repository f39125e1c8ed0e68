import type { Exchange } from '../core/exchange.js'
import { jsonResponse, type ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { bolProblem, retailerJson } from './bol-problem.js'
import { type BolProcessEngine, type ProcessRequest, processStatusView } from './bol-processes.js'
import type { BolState } from './bol-state.js'

/** What the bol route handlers share. */
export interface BolContext {
  state: BolState
  runtime: Runtime
  processes: BolProcessEngine
  /** Orders per page of `GET /retailer/orders`. */
  ordersPageSize: number
  /** What a page past the end looks like: `{"orders": []}` (the spec) or `{}` (what bol's servers send). */
  emptyPage: 'empty-list' | 'empty-object'
}

/** A bol route handler. */
export type BolHandler = (exchange: Exchange, context: BolContext) => ResponseDraft | Promise<ResponseDraft>

/**
 * Registers a route under its live path and under the demo path (`/retailer-demo/…`, `/shared-demo/…`);
 * both serve the same state. Due processes are settled first, so reads never see a late `PENDING`.
 */
export function bolRoute(router: Router, context: BolContext, method: string, path: string, handler: BolHandler): void {
  const run = (exchange: Exchange) => {
    context.processes.settleDue()
    return handler(exchange, context)
  }
  router.on(method, path, run)
  router.on(method, path.replace(/^\/(retailer|shared)/, '/$1-demo'), run)
}

/** A vendor-JSON response. */
export const bolJson = (body: unknown, status = 200): ResponseDraft => jsonResponse(status, body, retailerJson)

/** Reads `?page=` (from 1); a problem when it is not a positive integer. */
export function pageNumber(exchange: Exchange): number | ResponseDraft {
  const raw = exchange.query.get('page') ?? '1'
  const page = Number(raw)
  if (!Number.isInteger(page) || page < 1) {
    return bolProblem(exchange, 400, 'Bad request', [{ name: 'page', reason: 'Must be an integer of 1 or more.' }])
  }
  return page
}

/** The items of one page. */
export const pageOf = <T>(items: readonly T[], page: number, size: number): T[] =>
  items.slice((page - 1) * size, page * size)

/** A list body such as `{"orders": [...]}`; an empty list follows the `emptyPage` option. */
export function listBody(context: BolContext, key: string, items: unknown[]): ResponseDraft {
  return bolJson(items.length === 0 && context.emptyPage === 'empty-object' ? {} : { [key]: items })
}

/** Whether a query enum value is one of the allowed ones; a problem naming the parameter otherwise. */
export function enumQuery(
  exchange: Exchange,
  name: string,
  allowed: readonly string[],
  fallback: string | undefined,
): string | undefined | ResponseDraft {
  const value = exchange.query.get(name) ?? fallback
  if (value === undefined || allowed.includes(value)) return value
  return bolProblem(exchange, 400, 'Bad request', [
    { name, reason: `Request contains invalid value(s): '${value}', allowed values: ${allowed.join(', ')}.` },
  ])
}

/** Starts a process for a write and answers 202 with its `PENDING` process status. */
export function acceptProcess(exchange: Exchange, context: BolContext, request: ProcessRequest): ResponseDraft {
  return bolJson(processStatusView(context.processes.start(exchange, request), exchange.origin), 202)
}
