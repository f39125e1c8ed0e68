// What every step of an order gets: the clients, the state, the job's signal, the retry policy, and what the job
// learned before the first write (the supplier's catalogue, the SieSmart office).
import type { Variant } from '@b2bkit/convictional'
import type { JobConfig } from '../job-config.ts'
import type { JobState } from '../job-state.ts'
import type { ProviderClients } from './provider-clients.ts'

/** The steps the summary counts when they complete in this run. */
export type CompletedStep =
  | 'shipped'
  | 'invoiceCreated'
  | 'invoiceSent'
  | 'purchaseOrderPlaced'
  | 'proposalOpened'
  | 'proposalUpdated'

/** The supplier's variants by barcode (an EAN) and by SKU. */
export type SupplierCatalog = ReadonlyMap<string, Variant>

/** What the job reads before its first write; a provider that fails here fails the job with nothing written. */
export interface Preflight {
  /** The supplier's catalogue (Convictional buyer products). */
  catalog: SupplierCatalog
  /** The SieSmart office proposals belong to. */
  officeId: string
}

/** The context of one order's steps. */
export interface StepContext {
  config: JobConfig
  clients: ProviderClients
  state: JobState
  preflight: Preflight
  signal: AbortSignal
  /** Runs a step that is safe to repeat, again after failures that may pass. */
  retry<T>(step: (attempt: number) => Promise<T>): Promise<T>
  /** Counts a step done in this run. */
  completed(step: CompletedStep): void
}
