// Requests spent to see 1,000 bol.com processes to their end: the batch poller (bulk POST /shared/process-status,
// up to 1,000 ids a call) against one waitForProcess() per process (GET /shared/process-status/{id}).
//
// Run after building: pnpm --filter @b2bkit/http --filter @b2bkit/process build
//   node packages/process/bench/batch-vs-single.ts
//
// A local node:http server plays bol's Shared API: process i turns from PENDING to SUCCESS a scripted time
// between 1 s and 5 s after it is first polled (the same script for both runs); the server counts what it receives.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '@b2bkit/http'
import { createBatchPoller, type ProcessStatus, waitForProcess } from '@b2bkit/process'

const processCount = 1000
const intervalMs = 250
const maxIntervalMs = 1000

interface Run {
  requests: number
  elapsedMs: number
}

function doneAfterMs(index: number): number {
  return 1000 + ((index * 7919) % 4000)
}

async function measure(
  name: string,
  seeAll: (baseUrl: string, ids: string[]) => Promise<ProcessStatus[]>,
): Promise<Run> {
  let requests = 0
  let startedAt = 0
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
      createTimestamp: new Date(startedAt).toISOString(),
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const ids = Array.from({ length: processCount }, (_, index) => `p${index}`)
  startedAt = Date.now()
  const results = await seeAll(baseUrl, ids)
  const elapsedMs = Date.now() - startedAt
  server.closeAllConnections()
  server.close()
  if (results.length !== processCount || results.some((result) => result.status !== 'SUCCESS')) {
    throw new Error(`${name}: not every process was seen to SUCCESS`)
  }
  console.log(`${name.padEnd(44)} ${String(requests).padStart(6)} requests  ${(elapsedMs / 1000).toFixed(2)} s`)
  return { requests, elapsedMs }
}

const single = await measure(`one by one (waitForProcess, ${intervalMs} ms → ${maxIntervalMs} ms)`, (baseUrl, ids) => {
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

const batch = await measure(`batch poller (maxBatch 1000, every ${intervalMs} ms)`, (baseUrl, ids) => {
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
console.log(`\nbatch poller: ${ratio.toFixed(1)}x fewer requests for ${processCount} processes (target: at least 20x)`)
process.exitCode = ratio >= 20 ? 0 : 1
