import { createServer, type Server } from 'node:http'
import { closeServer, listenLocally } from './local-server.ts'

/** A token endpoint that issues numbered tokens and counts the requests it received. */
export interface TokenServer {
  url: string
  requests: () => number
  close: () => Promise<void>
}

/** Starts a token endpoint; `now` is its clock (sent as `Date`), `lifetimeSeconds` the tokens' `expires_in`. */
export async function startTokenServer(lifetimeSeconds: number, now: () => number): Promise<TokenServer> {
  let requests = 0
  const server: Server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      requests++
      const body = { access_token: `token-${requests}`, token_type: 'Bearer', expires_in: lifetimeSeconds }
      response.writeHead(200, { 'content-type': 'application/json', date: new Date(now()).toUTCString() })
      response.end(JSON.stringify(body))
    })
  })
  const url = await listenLocally(server)
  return { url: `${url}/token`, requests: () => requests, close: () => closeServer(server) }
}
