import { type EmulatorFor, type EmulatorOptions, startEmulator } from '@b2bkit/emulator'
import { createSieSmartClient, type SieSmartClient, type SieSmartClientOptions } from '../client.js'
import type { ProposalInput } from '../types.js'

/** Test helper (Node only, never exported): a SieSmart emulator and a client pointed at it. */
export interface SieSmartTestbed {
  emulator: EmulatorFor<'siesmart'>
  client: SieSmartClient
  /** Another client on the same emulator, with other options (its own token and ETag store). */
  clientWith(overrides: Partial<SieSmartClientOptions>): SieSmartClient
}

/**
 * Starts an emulator on 127.0.0.1 port 0. Neither it nor the clients limit the rate unless asked (`rateLimits`,
 * `clientWith({ rateLimit })`): 100 per minute would make the suite wait.
 */
export async function startTestbed(options: EmulatorOptions = {}): Promise<SieSmartTestbed> {
  const emulator = await startEmulator('siesmart', { seed: 8, rateLimits: false, ...options })
  const clientWith = (overrides: Partial<SieSmartClientOptions>) =>
    createSieSmartClient({
      clientId: emulator.credentials.clientId,
      clientSecret: emulator.credentials.clientSecret,
      environment: 'test',
      baseUrl: emulator.url,
      tokenUrl: emulator.tokenUrl,
      rateLimit: false,
      ...overrides,
    })
  return { emulator, client: clientWith({}), clientWith }
}

/** A proposal with a customer and one asset. */
export function proposalInput(reference: string, cost = 42_000): ProposalInput {
  return {
    introducerReference: reference,
    officeId: 'OFF-1',
    customer: { companyName: 'Acme Ltd', registrationNumber: '01234567' },
    assets: [{ description: '3 servers', cost }],
    termMonths: 36,
  }
}
