// A TCP proxy on 127.0.0.1 in front of Redis that a test can take down and bring back on the same port, to play a
// Redis outage without touching the shared server. Also: a port nothing listens on.
import { createServer, type Server, type Socket } from 'node:net'

export interface TcpProxy {
  port: number
  /** Stops listening and cuts every connection. */
  down(): Promise<void>
  /** Listens again on the same port. */
  up(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  const listen = async () => {
    const next = createServer((client) => {
      const upstream = new (client.constructor as typeof Socket)()
      upstream.connect(target.port, target.host)
      for (const socket of [client, upstream]) {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
        socket.on('error', () => undefined)
      }
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve))
    port = (next.address() as { port: number }).port
    server = next
  }
  await listen()
  return {
    get port() {
      return port
    },
    down: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server?.close(() => resolve())
      }),
    up: listen,
  }
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}
