import { type EmulatorFor, type EmulatorOptions, startEmulator } from '@b2bkit/emulator'
import { type B2BRouterClient, type B2BRouterClientOptions, createB2BRouterClient } from '../client.js'
import type { InvoiceInput } from '../invoice-types.js'

/** Test helper (Node only, never exported): a B2Brouter emulator and a client pointed at it. */
export interface B2BRouterTestbed {
  emulator: EmulatorFor<'b2brouter'>
  client: B2BRouterClient
  accountId: number
  /** Another client on the same emulator, with other options. */
  clientWith(overrides: Partial<B2BRouterClientOptions>): B2BRouterClient
}

/** Starts a staging emulator on 127.0.0.1 port 0 and a client for it. */
export async function startTestbed(options: EmulatorOptions = {}): Promise<B2BRouterTestbed> {
  const emulator = await startEmulator('b2brouter', { seed: 8, ...options })
  const clientWith = (overrides: Partial<B2BRouterClientOptions>) =>
    createB2BRouterClient({
      apiKey: emulator.credentials.apiKey,
      environment: 'staging',
      baseUrl: emulator.url,
      ...overrides,
    })
  return { emulator, client: clientWith({}), accountId: emulator.credentials.accountId, clientWith }
}

/** A one-line invoice with the given number. */
export function invoiceInput(number: string, price = 10): InvoiceInput {
  return {
    number,
    contact: { name: 'Buyer BV' },
    invoice_lines_attributes: [
      { description: 'Widget', quantity: 2, price, taxes_attributes: [{ name: 'VAT', category: 'S', percent: 21 }] },
    ],
  }
}

/** Waits (polling every 2 ms, up to 5 s) until the emulator has received a request that matches. */
export async function untilReceived(
  emulator: EmulatorFor<'b2brouter'>,
  matches: (request: EmulatorFor<'b2brouter'>['requests'][number]) => boolean,
): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!emulator.requests.some(matches)) {
    if (Date.now() > deadline) throw new Error('the emulator did not receive the request in 5 s')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

/** Retry options with a fixed 200 ms pause: long enough for a test to switch a fault off in between. */
export const slowRetry = { limit: 2, delay: () => 200 } as const
