import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request a test receiver got. */
export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Test helper: a small HTTP server on 127.0.0.1 that records what it receives and answers 200. */
export async function startWebhookReceiver(): Promise<{
  url: string
  received: ReceivedWebhook[]
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>
  close(): Promise<void>
}> {
  const received: ReceivedWebhook[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8')
    })
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      return received
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
