// @b2bkit/emulator: local emulators of the bol.com, B2Brouter, Convictional and SieSmart APIs (Node only).
// The per-provider start functions are exported for tree-shaking; `startEmulator(provider)` is the front door.
// Internal machinery (server pipeline, router, fault controller classes) stays unexported on purpose.
export type { B2BrouterCredentials, B2BrouterOptions } from './b2brouter/b2brouter-emulator.js'
export { b2brouterDefaultRateLimits, startB2BrouterEmulator } from './b2brouter/b2brouter-emulator.js'
export type {
  B2BrouterAccount,
  B2BrouterContact,
  B2BrouterInvoice,
  B2BrouterInvoiceLine,
  B2BrouterSeedOptions,
  B2BrouterState,
  B2BrouterWebhook,
} from './b2brouter/b2brouter-state.js'
export { b2brouterSignature } from './b2brouter/b2brouter-webhooks.js'
export type { BolOptions } from './bol/bol-emulator.js'
export { bolDefaultDeprecations, startBolEmulator } from './bol/bol-emulator.js'
export { bolDefaultRateLimits } from './bol/bol-rate-limits.js'
export type { BolSeedOptions } from './bol/bol-seed.js'
export type {
  BolAddress,
  BolInventoryItem,
  BolInvoice,
  BolOffer,
  BolOrder,
  BolOrderItem,
  BolProcess,
  BolReturn,
  BolShipment,
  BolState,
  BolSubscription,
} from './bol/bol-state.js'
export type { BolCredentials } from './bol/bol-token-endpoint.js'
export type { ConvictionalCredentials, ConvictionalOptions } from './convictional/convictional-emulator.js'
export { convictionalDefaultRateLimits, startConvictionalEmulator } from './convictional/convictional-emulator.js'
export type {
  ConvictionalOrder,
  ConvictionalPartner,
  ConvictionalProduct,
  ConvictionalSeedOptions,
  ConvictionalState,
  ConvictionalVariant,
} from './convictional/convictional-state.js'
export type { Clock } from './core/clock.js'
export type { DeprecationRule } from './core/deprecations.js'
export type { Emulator, ProviderName } from './core/emulator.js'
export type { FaultOptions, FaultTiming } from './core/faults.js'
export type { RateLimitOption, RateLimitRule } from './core/rate-limiter.js'
export type { InjectedFault, RecordedRequest, RequestOutcome, WriteRecord } from './core/request-log.js'
export type { CommonEmulatorOptions } from './core/runtime.js'
export type { WebhookDelivery } from './core/webhook-sender.js'
export type { SiesmartOptions } from './siesmart/siesmart-emulator.js'
export { siesmartDefaultRateLimits, startSiesmartEmulator } from './siesmart/siesmart-emulator.js'
export type { SiesmartConfig, SiesmartProposal, SiesmartState } from './siesmart/siesmart-state.js'
export type { SiesmartCredentials } from './siesmart/siesmart-token-endpoint.js'
export type { EmulatorFor, EmulatorOptions, EmulatorTypes } from './start-emulator.js'
export { isProviderName, providerNames, startEmulator } from './start-emulator.js'
