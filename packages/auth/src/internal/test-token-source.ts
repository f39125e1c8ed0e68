// Test helper: a clientCredentials() source against a test token endpoint, on an injected clock. Never exported.
import type { ServerResponse } from 'node:http'
import { type ClientCredentialsOptions, clientCredentials } from '../client-credentials.js'
import type { TokenRequestEvent } from '../token-source.js'
import { type RunningServer, type SeenRequest, startServer, tokenEndpoint } from './test-servers.js'

export const clientId = 'shop-client'
export const clientSecret = 'correct horse+battery/staple='
/** The injected clock starts here: a whole second, so `Date` headers are exact. */
export const start = Date.UTC(2026, 0, 1)

/** Options of `setupSource()`. */
export interface SetupOptions {
  /** How the test token endpoint behaves. */
  behaviour?: Partial<Parameters<typeof tokenEndpoint>[0]>
  /** Options of the source. */
  options?: Partial<ClientCredentialsOptions>
  /** Runs before the endpoint answers request number `index` (1-based); may hold it, or answer it itself. */
  before?: (index: number, request: SeenRequest, response: ServerResponse) => Promise<void> | void
  /** Offset of the endpoint's clock from the local clock, ms. */
  serverClockOffsetMs?: number
}

/** A token source and its endpoint, with a clock the test moves by hand. */
export async function setupSource(setup: SetupOptions = {}) {
  let now = start
  const authMethod = setup.options?.authMethod ?? 'basic'
  const answer = tokenEndpoint({
    clientId,
    clientSecret,
    authMethod,
    lifetimeSeconds: 300,
    now: () => now + (setup.serverClockOffsetMs ?? 0),
    ...setup.behaviour,
  })
  let count = 0
  const server: RunningServer = await startServer(async (request, response) => {
    count++
    await setup.before?.(count, request, response)
    if (!response.headersSent && response.socket?.destroyed === false) await answer(request, response)
  })
  const events: TokenRequestEvent[] = []
  const tokens = clientCredentials({
    tokenUrl: `${server.url}/token`,
    clientId,
    clientSecret,
    authMethod,
    clock: () => now,
    onTokenRequest: (event) => events.push(event),
    ...setup.options,
  })
  return {
    tokens,
    events,
    server,
    advance(milliseconds: number) {
      now += milliseconds
    },
  }
}
