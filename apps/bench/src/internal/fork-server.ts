import { fork } from 'node:child_process'

/** The overhead server, running in a child process of its own. */
export interface ForkedServer {
  baseUrl: string
  stop: () => void
}

/** Forks overhead-server.ts and resolves once it listens. */
export async function forkOverheadServer(): Promise<ForkedServer> {
  const child = fork(new URL('./overhead-server.ts', import.meta.url), { stdio: 'inherit', execArgv: [] })
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url))
    child.once('exit', (code) => reject(new Error(`the overhead server exited with ${code}`)))
  })
  return { baseUrl, stop: () => child.disconnect() }
}
