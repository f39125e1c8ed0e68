import {
  type B2BrouterCredentials,
  type B2BrouterOptions,
  startB2BrouterEmulator,
} from './b2brouter/b2brouter-emulator.js'
import type { B2BrouterState } from './b2brouter/b2brouter-state.js'
import { type BolOptions, startBolEmulator } from './bol/bol-emulator.js'
import type { BolState } from './bol/bol-state.js'
import type { BolCredentials } from './bol/bol-token-endpoint.js'
import {
  type ConvictionalCredentials,
  type ConvictionalOptions,
  startConvictionalEmulator,
} from './convictional/convictional-emulator.js'
import type { ConvictionalState } from './convictional/convictional-state.js'
import type { Emulator, ProviderName } from './core/emulator.js'
import type { CommonEmulatorOptions } from './core/runtime.js'
import { type SiesmartOptions, startSiesmartEmulator } from './siesmart/siesmart-emulator.js'
import type { SiesmartState } from './siesmart/siesmart-state.js'
import type { SiesmartCredentials } from './siesmart/siesmart-token-endpoint.js'

/**
 * Options of {@link startEmulator}: the common ones, plus a section per provider (only the started provider's is read).
 *
 * @example { seed: 42, processDelayMs: 50, faults: { errorRate: 0.1 }, bol: { openOrders: 25 } }
 */
export interface EmulatorOptions extends CommonEmulatorOptions {
  /** bol.com options. */
  bol?: BolOptions
  /** B2Brouter options. */
  b2brouter?: B2BrouterOptions
  /** Convictional options. */
  convictional?: ConvictionalOptions
  /** SieSmart options. */
  siesmart?: SiesmartOptions
}

/** The state and credentials types of each provider's emulator. */
export interface EmulatorTypes {
  bol: { state: BolState; credentials: BolCredentials }
  b2brouter: { state: B2BrouterState; credentials: B2BrouterCredentials }
  convictional: { state: ConvictionalState; credentials: ConvictionalCredentials }
  siesmart: { state: SiesmartState; credentials: SiesmartCredentials }
}

/** The emulator type of one provider. */
export type EmulatorFor<P extends ProviderName> = Emulator<EmulatorTypes[P]['state'], EmulatorTypes[P]['credentials']>

/** Every provider the emulator knows, in a stable order. */
export const providerNames: readonly ProviderName[] = ['bol', 'b2brouter', 'convictional', 'siesmart']

/** Whether a string names a provider. */
export const isProviderName = (value: string): value is ProviderName =>
  (providerNames as readonly string[]).includes(value)

/**
 * Starts a local, stateful emulator of a provider's API on 127.0.0.1 (Node only).
 *
 * @example
 * const bol = await startEmulator('bol', { processDelayMs: 50 })
 * // give bol.url, bol.tokenUrl and bol.credentials to a client; read bol.requests and bol.writes in assertions
 * await bol.stop()
 */
export async function startEmulator<P extends ProviderName>(
  provider: P,
  options: EmulatorOptions = {},
): Promise<EmulatorFor<P>> {
  switch (provider) {
    case 'bol':
      return (await startBolEmulator(options)) as EmulatorFor<P>
    case 'b2brouter':
      return (await startB2BrouterEmulator(options)) as EmulatorFor<P>
    case 'convictional':
      return (await startConvictionalEmulator(options)) as EmulatorFor<P>
    case 'siesmart':
      return (await startSiesmartEmulator(options)) as EmulatorFor<P>
    default:
      throw new TypeError(`Unknown provider "${String(provider)}"; use one of ${providerNames.join(', ')}.`)
  }
}
