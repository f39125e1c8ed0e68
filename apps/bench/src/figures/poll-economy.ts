// Poll economy: requests spent to see 1,000 bol.com processes to their end, the batch poller (bulk
// POST /shared/process-status, up to 1,000 ids a call) against one waitForProcess() per process
// (GET /shared/process-status/{id}). Moved here from packages/process/bench/batch-vs-single.ts.
//
//   node apps/bench/src/figures/poll-economy.ts        (after building the packages)
//
// A local node:http server plays bol's Shared API: process i turns from PENDING to SUCCESS a scripted time
// between 1 s and 5 s after it is first polled (the same script for both runs); the server counts what it receives.
import { createServer } from 'node:http'
import { createClient } from '@b2bkit/http'
import { createBatchPoller, type ProcessStatus, waitForProcess } from '@b2bkit/process'
import { closeServer, listenLocally } from '../internal/local-server.ts'
import { type FigureRow, progress, report } from '../internal/report.ts'

const processCount = 1000
const intervalMs = 250
const maxIntervalMs = 1000
const target = 20

interface Run {
  requests: number
  elapsedMs: number
}

const doneAfterMs = (index: number) => 1000 + ((index * 7919) % 4000)

async function measure(seeAll: (baseUrl: string, ids: string[]) => Promise<ProcessStatus[]>): Promise<Run> {
  let requests = 0
  // A process starts when it is first polled, as it would right after its write: so the time 1,000 concurrent
  // first polls take on a busy machine does not let the one-by-one run see processes that are already done.
  const firstPolledAt = new Map<string, number>()
  const statusOf = (id: string): ProcessStatus => {
    const index = Number(id.slice(1))
    const now = Date.now()
    if (!firstPolledAt.has(id)) firstPolledAt.set(id, now)
    const done = now - (firstPolledAt.get(id) ?? now) >= doneAfterMs(index)
    return {
      processStatusId: id,
      entityId: `order-item-${index}`,
      eventType: 'CREATE_SHIPMENT',
      description: `Creating a shipment for order item ${index}.`,
      status: done ? 'SUCCESS' : 'PENDING',
      createTimestamp: new Date(now).toISOString(),
      links: [],
    }
  }
  const server = createServer(async (incoming, response) => {
    requests++
    let body = ''
    for await (const chunk of incoming) body += String(chunk)
    const answer =
      incoming.method === 'POST'
        ? {
            processStatuses: (
              JSON.parse(body) as { processStatusQueries: { processStatusId: string }[] }
            ).processStatusQueries.map((query) => statusOf(query.processStatusId)),
          }
        : statusOf(incoming.url?.split('/').pop() ?? '')
    response.writeHead(200, { 'content-type': 'application/vnd.retailer.v10+json' })
    response.end(JSON.stringify(answer))
  })
  const baseUrl = await listenLocally(server)
  const ids = Array.from({ length: processCount }, (_, index) => `p${index}`)
  const startedAt = Date.now()
  const results = await seeAll(baseUrl, ids)
  const elapsedMs = Date.now() - startedAt
  await closeServer(server)
  if (results.length !== processCount || results.some((result) => result.status !== 'SUCCESS')) {
    throw new Error('not every process was seen to SUCCESS')
  }
  return { requests, elapsedMs }
}

const single = await measure((baseUrl, ids) => {
  const http = createClient({ baseUrl, retry: 0 })
  return Promise.all(
    ids.map((id) =>
      waitForProcess((signal) => http.get(`shared/process-status/${id}`, { signal }).json<ProcessStatus>(), {
        intervalMs,
        maxIntervalMs,
      }),
    ),
  )
})
progress('poll economy: one by one done')

const batch = await measure((baseUrl, ids) => {
  const http = createClient({ baseUrl, retry: 0 })
  const poller = createBatchPoller<ProcessStatus>({
    intervalMs,
    maxBatch: 1000,
    getMany: async (batchIds, signal) => {
      const json = { processStatusQueries: batchIds.map((processStatusId) => ({ processStatusId })) }
      const answer = await http
        .post('shared/process-status', { json, signal })
        .json<{ processStatuses: ProcessStatus[] }>()
      return answer.processStatuses
    },
  })
  return Promise.all(ids.map((id) => poller.wait(id)))
})

const ratio = single.requests / batch.requests
const seconds = (run: Run) => (run.elapsedMs / 1000).toFixed(1)
const rows: FigureRow[] = [
  {
    section: 'poll economy',
    figure: `${processCount} bol processes: batch poller vs one waitForProcess() each`,
    value: `${ratio.toFixed(0)}× fewer requests (${batch.requests} vs ${single.requests})`,
    target: `≥ ${target}×`,
    verdict: ratio >= target ? 'met' : 'missed',
    note:
      `batch poller (maxBatch 1000, every ${intervalMs} ms): ${batch.requests} requests in ${seconds(batch)} s; ` +
      `one by one (${intervalMs} → ${maxIntervalMs} ms backoff): ${single.requests} requests in ${seconds(single)} s`,
    data: { processCount, batch, single, ratio },
  },
]
report(rows)
