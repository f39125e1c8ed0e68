// Test-only (Node): a node:http server on 127.0.0.1, port 0, that records each request with its body. Never exported.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server saw it. */
export interface SeenRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A running test server. */
export interface LocalServer {
  url: string
  seen: SeenRequest[]
  close(): Promise<void>
}

/** Starts a server that records every request, then lets `answer` reply. */
export async function serve(answer: (request: SeenRequest, response: ServerResponse) => void): Promise<LocalServer> {
  const seen: SeenRequest[] = []
  const server = createServer(async (incoming, response) => {
    let body = ''
    for await (const chunk of incoming) body += String(chunk)
    const request = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body }
    seen.push(request)
    answer(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
