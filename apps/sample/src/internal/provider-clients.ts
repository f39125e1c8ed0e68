// The four clients of one run, built from the job's configuration. Each keeps its own token, limiter and counters.
import { type B2BRouterClient, createB2BRouterClient } from '@b2bkit/b2brouter'
import { type BolClient, type BolClientStats, createBolClient } from '@b2bkit/bol'
import { type ConvictionalClient, createConvictionalClient } from '@b2bkit/convictional'
import { createSieSmartClient, type SieSmartClient } from '@b2bkit/siesmart'
import { type JobConfig, type ProviderName, providerNames } from '../job-config.ts'
import { jobFailure } from './failures.ts'

/**
 * What a client did so far: `stats()` of every b2bkit provider client has this shape (`requests`, `tooManyRequests`,
 * `retries`, `tokenRequests`, `throttled`, `failuresWithoutResponse`).
 */
export type ProviderStats = BolClientStats

/** The clients of one run. */
export interface ProviderClients {
  bol: BolClient
  b2brouter: B2BRouterClient
  convictional: ConvictionalClient
  siesmart: SieSmartClient
  /** Every client's counters. */
  stats(): Record<ProviderName, ProviderStats>
}

/** Builds the four clients; a client that refuses its options fails the job with a message naming the provider. */
export function createProviderClients(config: JobConfig): ProviderClients {
  const build = <T>(provider: ProviderName, create: () => T): T => {
    try {
      return create()
    } catch (error) {
      throw jobFailure(provider, error)
    }
  }
  const clients = {
    bol: build('bol', () => createBolClient(config.bol)),
    b2brouter: build('b2brouter', () => createB2BRouterClient(config.b2brouter.client)),
    convictional: build('convictional', () => createConvictionalClient(config.convictional)),
    siesmart: build('siesmart', () => createSieSmartClient(config.siesmart.client)),
  }
  return {
    ...clients,
    stats: () =>
      Object.fromEntries(providerNames.map((name) => [name, clients[name].stats()])) as Record<
        ProviderName,
        ProviderStats
      >,
  }
}

/** Counters of a provider that was never called. */
export const emptyStats = (): ProviderStats => ({
  requests: 0,
  tooManyRequests: 0,
  retries: 0,
  tokenRequests: 0,
  throttled: 0,
  failuresWithoutResponse: 0,
})
