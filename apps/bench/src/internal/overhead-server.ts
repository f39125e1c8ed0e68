// The server of the overhead figure, run in a child process of its own (`fork`), so its work is not billed to the
// client under test. It answers `POST /token` with a long-lived token and `GET /items/:id` with a small JSON
// body, and sends its base URL to the parent over IPC.
import { createServer } from 'node:http'
import { listenLocally } from './local-server.ts'

const token = JSON.stringify({ access_token: 'overhead-bench-token', token_type: 'Bearer', expires_in: 86_400 })

const server = createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/token') {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(token)
    })
    return
  }
  const id = request.url?.split('/').pop() ?? ''
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end(`{"id":"${id}","name":"item ${id}","price":12.5,"stock":3}`)
})
server.keepAliveTimeout = 60_000

const url = await listenLocally(server)
process.send?.({ url })
process.on('disconnect', () => process.exit(0))
