// Redis for the fleet figure: REDIS_URL or 127.0.0.1:6379 when one answers there; else a private redis-server on a
// free port, started for the run and stopped after it, when `redis-server` is on the PATH. Node only.
import { type ChildProcess, spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'

export interface BenchRedis {
  url: string
  /** Whether this run started the server (and so owns every key in it). */
  private: boolean
  stop: () => void
}

function answers(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host, timeout: 1_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === 'object' && address !== null ? address.port : 0
}

/** A Redis to run against, or a reason why there is none. */
export async function findRedis(): Promise<BenchRedis | string> {
  const configured = process.env.REDIS_URL
  const url = new URL(configured ?? 'redis://127.0.0.1:6379')
  if (await answers(Number(url.port || 6379), url.hostname)) return { url: url.href, private: false, stop: () => {} }
  if (configured !== undefined) return `no Redis answers at REDIS_URL (${url.host})`
  const port = await freePort()
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const spawnFailed = new Promise<boolean>((resolve) => child.once('error', () => resolve(true)))
  for (let attempt = 0; attempt < 50; attempt++) {
    const failed = await Promise.race([spawnFailed, new Promise<false>((resolve) => setTimeout(resolve, 100, false))])
    if (failed) return 'no Redis at 127.0.0.1:6379 and no redis-server on the PATH (set REDIS_URL)'
    if (await answers(port, '127.0.0.1')) {
      return { url: `redis://127.0.0.1:${port}`, private: true, stop: () => child.kill() }
    }
  }
  child.kill()
  return 'redis-server did not start within 5 s'
}
