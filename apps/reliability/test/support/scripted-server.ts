// A node:http server on 127.0.0.1 whose next answers a test scripts: property tests set the answer, send, and read
// what the server received. Node only (tests).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One scripted answer. */
export interface ScriptedAnswer {
  status: number
  headers?: Record<string, string>
  body?: string | Uint8Array
}

/** What the server received. */
export interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface ScriptedServer {
  url: string
  /** Every request so far. */
  received: Received[]
  /** The answer to give from now on (a function: per request). */
  answer(answer: ScriptedAnswer | ((request: Received) => ScriptedAnswer)): void
  close(): Promise<void>
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: (request: Received) => ScriptedAnswer = () => ({ status: 404 })
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(entry)
      const { status, headers = {}, body } = script(entry)
      response.writeHead(status, headers)
      response.end(body)
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (answer) => {
      script = typeof answer === 'function' ? answer : () => answer
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
