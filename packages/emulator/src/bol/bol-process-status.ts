import { isRecord, jsonBody } from '../core/exchange.js'
import { isResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import { type BolContext, bolJson, bolRoute, pageNumber, pageOf } from './bol-context.js'
import { bolProblem, validationProblem } from './bol-problem.js'
import { processStatusView } from './bol-processes.js'

/** The Shared API: a process status by id, by entity and event type, and in bulk (up to 1,000 ids). */
export function registerBolProcessStatusRoutes(router: Router, context: BolContext): void {
  bolRoute(router, context, 'GET', '/shared/process-status/:processStatusId', (exchange) => {
    const process = context.state.processes.get(exchange.params.processStatusId ?? '')
    if (!process) return bolProblem(exchange, 404, `Process status ${exchange.params.processStatusId} not found.`)
    return bolJson(processStatusView(process, exchange.origin))
  })

  bolRoute(router, context, 'GET', '/shared/process-status', (exchange) => {
    const page = pageNumber(exchange)
    if (isResponse(page)) return page
    const entityId = exchange.query.get('entity-id')
    const eventType = exchange.query.get('event-type')
    const invalid = validationProblem(exchange, [
      ...(entityId ? [] : [{ name: 'entity-id', reason: 'Required request parameter is missing.' }]),
      ...(eventType ? [] : [{ name: 'event-type', reason: 'Required request parameter is missing.' }]),
    ])
    if (invalid) return invalid
    const matching = [...context.state.processes.values()]
      .filter((process) => process.entityId === entityId && process.eventType === eventType)
      .reverse()
    return bolJson({
      processStatuses: pageOf(matching, page, 50).map((process) => processStatusView(process, exchange.origin)),
    })
  })

  bolRoute(router, context, 'POST', '/shared/process-status', (exchange) => {
    const body = jsonBody(exchange)
    const queries = isRecord(body) && Array.isArray(body.processStatusQueries) ? body.processStatusQueries : undefined
    const invalid = validationProblem(
      exchange,
      !queries || queries.length < 1 || queries.length > 1000
        ? [{ name: 'processStatusQueries', reason: 'Between 1 and 1000 process status ids are required.' }]
        : queries.flatMap((query, index) =>
            isRecord(query) && typeof query.processStatusId === 'string'
              ? []
              : [{ name: `processStatusQueries[${index}].processStatusId`, reason: 'Must not be empty.' }],
          ),
    )
    if (invalid) return invalid
    const processStatuses = (queries as Array<{ processStatusId: string }>)
      .map((query) => context.state.processes.get(query.processStatusId))
      .filter((process) => process !== undefined)
      .map((process) => processStatusView(process, exchange.origin))
    return bolJson({ processStatuses })
  })
}
