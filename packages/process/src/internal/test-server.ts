// Test-only (Node): a bol-like process-status server on 127.0.0.1, port 0, whose processes move through scripted
// transitions, counted in polls. Never exported.
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** How one process moves: pending for `pendingPolls` polls, then its end. */
export interface Script {
  pendingPolls: number
  /** How it ends; `'EXPIRE'` answers 404 (single) or leaves it out (bulk) from then on. @default 'SUCCESS' */
  end?: 'SUCCESS' | 'FAILURE' | 'TIMEOUT' | 'EXPIRE' | undefined
  errorMessage?: string | undefined
  /** Report the entity id only while pending, to check that the poller keeps it. @default false */
  entityIdWhilePendingOnly?: boolean | undefined
}

/** A canned answer for the next requests, before any process logic runs. */
export interface Fault {
  status: number
  headers?: Record<string, string>
}

export interface ProcessServer {
  url: string
  script(id: string, script: Script): void
  /** The next requests get these answers, in order. */
  faults: Fault[]
  /** How many times each id was polled, single or in bulk. */
  polls: Map<string, number>
  /** The number of ids in each bulk call, in order. */
  bulkSizes: number[]
  /** Every request's method and path. */
  requests: string[]
  close(): Promise<void>
}

export async function serveProcesses(): Promise<ProcessServer> {
  const scripts = new Map<string, Script>()
  const polls = new Map<string, number>()
  const faults: Fault[] = []
  const bulkSizes: number[] = []
  const requests: string[] = []

  /** Polls one id; `undefined` when the provider does not know it (or no longer). */
  const poll = (id: string): Record<string, unknown> | undefined => {
    const script = scripts.get(id)
    if (!script) return undefined
    const count = (polls.get(id) ?? 0) + 1
    polls.set(id, count)
    const pending = count <= script.pendingPolls
    const end = script.end ?? 'SUCCESS'
    if (!pending && end === 'EXPIRE') return undefined
    return {
      processStatusId: id,
      ...(pending || !script.entityIdWhilePendingOnly ? { entityId: `entity-${id}` } : {}),
      eventType: 'CREATE_SHIPMENT',
      description: `Creating a shipment for entity-${id}.`,
      status: pending ? 'PENDING' : end,
      ...(!pending && script.errorMessage ? { errorMessage: script.errorMessage } : {}),
      createTimestamp: '2026-11-25T10:00:00+01:00',
      links: [{ rel: 'self', href: `/shared/process-status/${id}`, method: 'GET' }],
    }
  }

  const server = createServer(async (incoming, response) => {
    let body = ''
    for await (const chunk of incoming) body += String(chunk)
    requests.push(`${incoming.method} ${incoming.url}`)
    const fault = faults.shift()
    if (fault) return send(response, fault.status, { title: 'Fault', status: fault.status }, fault.headers)
    if (incoming.method === 'POST' && incoming.url === '/shared/process-status') {
      const queries = (JSON.parse(body) as { processStatusQueries: { processStatusId: string }[] }).processStatusQueries
      if (queries.length > 1000) return send(response, 400, { title: 'Bad Request', detail: 'more than 1000 queries' })
      bulkSizes.push(queries.length)
      const processStatuses = queries.map((query) => poll(query.processStatusId)).filter((status) => status)
      return send(response, 200, { processStatuses })
    }
    const id = /^\/shared\/process-status\/([^/?]+)$/.exec(incoming.url ?? '')?.[1]
    const status = id === undefined ? undefined : poll(id)
    if (!status) return send(response, 404, { title: 'Not Found', status: 404, detail: `no process status ${id}` })
    send(response, 200, status)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    script: (id, script) => void scripts.set(id, script),
    faults,
    polls,
    bulkSizes,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/vnd.retailer.v10+json', ...headers })
  response.end(JSON.stringify(body))
}
