import { type EmulatorFor, type EmulatorOptions, startEmulator } from '@b2bkit/emulator'
import { type ConvictionalClient, type ConvictionalClientOptions, createConvictionalClient } from '../client.js'

/** Test helper (Node only, never exported): a Convictional emulator with a seller and a buyer client. */
export interface ConvictionalTestbed {
  emulator: EmulatorFor<'convictional'>
  /** A client with the seller key, on the emulator's layout (`/seller/…`). */
  seller: ConvictionalClient
  /** A client with the buyer key, on the emulator's layout (`/buyer/…`). */
  buyer: ConvictionalClient
  /** Another client on the emulator, with other options (the seller key unless `apiKey` says otherwise). */
  clientWith(overrides: Partial<ConvictionalClientOptions>): ConvictionalClient
}

/** The emulator serves the Seller API under `/seller` and the partner list per role. */
export const emulatorSellerPaths = { seller: 'seller', shared: 'seller' }

/**
 * Starts an emulator on 127.0.0.1 port 0. Neither it nor the clients limit the rate unless asked (`rateLimits`,
 * `clientWith({ rateLimit })`): the 5-per-second default would make every test wait.
 */
export async function startTestbed(options: EmulatorOptions = {}): Promise<ConvictionalTestbed> {
  const emulator = await startEmulator('convictional', { seed: 8, rateLimits: false, ...options })
  const { sellerApiKey, buyerApiKey } = emulator.credentials
  const clientWith = (overrides: Partial<ConvictionalClientOptions>) =>
    createConvictionalClient({
      apiKey: sellerApiKey,
      baseUrl: emulator.url,
      paths: emulatorSellerPaths,
      rateLimit: false,
      ...overrides,
    })
  return {
    emulator,
    seller: clientWith({}),
    buyer: clientWith({ apiKey: buyerApiKey, paths: { seller: 'seller', shared: 'buyer' } }),
    clientWith,
  }
}
