// A small OAuth2 token endpoint on 127.0.0.1 for the tests: numbered opaque tokens, a record of every request, and
// the option to leave requests unanswered (a holder "mid-refresh").
import { randomUUID } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface TokenRequestRecord {
  receivedAt: number
  authorization: string | undefined
  body: string
}

export interface TokenServer {
  tokenUrl: string
  requests: TokenRequestRecord[]
  /** Every token issued, in order. */
  issued: string[]
  close(): Promise<void>
}

export interface TokenServerOptions {
  /** `expires_in` of the tokens. @default 300 */
  lifetimeSeconds?: number
  /** How many of the first requests are never answered. @default 0 */
  unansweredRequests?: number
}

export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const requests: TokenRequestRecord[] = []
  const issued: string[] = []
  const held: ServerResponse[] = []
  const server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
    })
    request.on('end', () => {
      requests.push({ receivedAt: Date.now(), authorization: request.headers.authorization, body })
      if (requests.length <= (options.unansweredRequests ?? 0)) {
        held.push(response)
        return
      }
      const token = `token-${issued.length + 1}-${randomUUID()}`
      issued.push(token)
      response.writeHead(200, { 'content-type': 'application/json', date: new Date().toUTCString() })
      response.end(
        JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: options.lifetimeSeconds ?? 300 }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    tokenUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    requests,
    issued,
    close: () =>
      new Promise((resolve) => {
        for (const response of held) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
