// Test-only: servers for one test file, closed once all its tests are done (tests in a file may run concurrently,
// so no test may close another's server).
import { afterAll } from 'vitest'
import { type RateLimitedServer, type RateLimitedServerOptions, startRateLimitedServer } from './rate-limited-server.js'

/** A logger that drops the limiter's warnings, for tests that do not look at them. */
export const quietLogger = { warn: () => {} }

/** Returns a `serve(options)` that starts a rate-limited server and closes it after the file's last test. */
export function serversPerFile(): (options: RateLimitedServerOptions) => Promise<RateLimitedServer> {
  const servers: RateLimitedServer[] = []
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()))
  })
  return async (options) => {
    const server = await startRateLimitedServer(options)
    servers.push(server)
    return server
  }
}
