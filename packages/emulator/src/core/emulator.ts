import type { DeprecationRule } from './deprecations.js'
import type { FaultOptions } from './faults.js'
import type { ProviderDefinition } from './provider.js'
import type { RateLimiter, RateLimitOption } from './rate-limiter.js'
import type { RecordedRequest, WriteRecord } from './request-log.js'
import type { Runtime } from './runtime.js'
import { startServer } from './server.js'

/** The providers the emulator imitates. */
export type ProviderName = 'bol' | 'b2brouter' | 'convictional' | 'siesmart'

/** A running emulator of one provider. */
export interface Emulator<State = unknown, Credentials = unknown> {
  /** Which provider this emulates. */
  readonly provider: ProviderName
  /** The base URL to give a client, e.g. `http://127.0.0.1:53124`. */
  readonly url: string
  /** The token endpoint (bol, SieSmart), or `undefined` for API-key providers. */
  readonly tokenUrl: string | undefined
  /** The demo credentials this emulator accepts. */
  readonly credentials: Credentials
  /** The emulator's live, in-memory state (read it in tests; changing it changes what the API answers). */
  readonly state: State
  /** Every request received, in order, secrets redacted. */
  readonly requests: readonly RecordedRequest[]
  /** Every write received, in order, with whether it was applied and whether it repeats an earlier one. */
  readonly writes: readonly WriteRecord[]
  /** Calls to the token endpoint, refused ones included. */
  readonly tokenRequestCount: number
  /** Access tokens issued. */
  readonly issuedTokenCount: number
  /** The faults in force. */
  readonly faults: Readonly<FaultOptions>
  /** Replaces the faults in force (`{}` switches all off). */
  setFaults(faults: FaultOptions): void
  /** Replaces the rate limits (`false` switches them off); counting starts over. */
  setRateLimits(rateLimits: RateLimitOption): void
  /** Replaces the endpoints announced as deprecated. */
  setDeprecations(rules: readonly DeprecationRule[]): void
  /** Makes every access token issued so far expire now. */
  expireTokens(): void
  /** Empties `requests` and `writes`. */
  clearLogs(): void
  /** Stops the server, closes open connections and cancels pending processes and webhooks. */
  stop(): Promise<void>
}

/** Starts the server for a provider and wraps it as an {@link Emulator}. */
export async function launchEmulator<State, Credentials>(
  runtime: Runtime,
  definition: ProviderDefinition,
  details: {
    provider: ProviderName
    port: number | undefined
    state: State
    credentials: Credentials
    basePath?: string
    tokenPath?: string
    /** The limiter that `setRateLimits` reconfigures. */
    limiter: RateLimiter
  },
): Promise<Emulator<State, Credentials>> {
  const server = await startServer(
    definition,
    {
      faults: runtime.faults,
      log: runtime.log,
      clock: runtime.clock,
      onTokenRequest: () => runtime.tokenRequestCount++,
      deprecations: () => runtime.deprecations,
    },
    details.port,
  )
  return {
    provider: details.provider,
    url: server.origin + (details.basePath ?? ''),
    tokenUrl: details.tokenPath === undefined ? undefined : server.origin + details.tokenPath,
    credentials: details.credentials,
    state: details.state,
    requests: runtime.log.requests,
    writes: runtime.log.writes,
    get tokenRequestCount() {
      return runtime.tokenRequestCount
    },
    get issuedTokenCount() {
      return runtime.tokens.issuedCount
    },
    get faults() {
      return runtime.faults.current
    },
    setFaults: (faults) => runtime.faults.set(faults),
    setRateLimits: (rateLimits) => details.limiter.configure(rateLimits),
    setDeprecations: (rules) => {
      runtime.deprecations = rules
    },
    expireTokens: () => runtime.tokens.expireAll(),
    clearLogs: () => runtime.log.clear(),
    stop: async () => {
      runtime.cancelScheduled()
      await server.close()
    },
  }
}
