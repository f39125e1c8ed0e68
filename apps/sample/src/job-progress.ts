import { needsProposal } from './internal/finance-proposal.ts'
import type { ProviderStats } from './internal/provider-clients.ts'
import type { JobTarget, ProviderName } from './job-config.ts'
import type { OrderRecord } from './job-state.ts'

/** Where the job is: reading before the first write, working on orders, or done. */
export type JobPhase = 'connecting' | 'processing' | 'finished'

/** How far one stage is: orders done out of the orders that need it. */
export interface StageProgress {
  done: number
  total: number
}

/** The stages of an order, in the order the job takes them. */
export type StageName = 'shipped' | 'invoiced' | 'ordered' | 'financed'

/**
 * A snapshot of the job for a progress view; `runJob()` hands one to `onProgress` at every phase change and a few
 * times a second.
 *
 * @example
 * runJob(config, { onProgress: (progress) => console.log(progress.stages.shipped) }) // { done: 12, total: 40 }
 */
export interface JobProgress {
  phase: JobPhase
  target: JobTarget
  description: string
  elapsedMs: number
  /** The orders of this run: open ones bol listed, and unfinished ones of earlier runs. */
  orders: { open: number; pages: number; resumed: number; failed: number }
  /** Per stage: orders done (in this run or before) out of this run's orders that need it. */
  stages: Record<StageName, StageProgress>
  /** Each client's counters. */
  providers: Record<ProviderName, ProviderStats>
}

/** Whether an order went through every stage it needs. */
export function isComplete(record: OrderRecord, proposalThreshold: number): boolean {
  if (record.details === undefined) return false
  const financed = !needsProposal(record.details, proposalThreshold) || record.proposal?.updatedAt !== undefined
  return (
    record.shipment !== undefined &&
    record.invoice?.sentAt !== undefined &&
    record.purchaseOrder !== undefined &&
    financed
  )
}

/** Counts the stages of `records`. The finance stage counts only orders known to be above the threshold. */
export function stagesOf(records: readonly OrderRecord[], proposalThreshold: number): Record<StageName, StageProgress> {
  const count = (predicate: (record: OrderRecord) => boolean) => records.filter(predicate).length
  const financed = records.filter(
    (record) => record.details !== undefined && needsProposal(record.details, proposalThreshold),
  )
  return {
    shipped: { done: count((record) => record.shipment !== undefined), total: records.length },
    invoiced: { done: count((record) => record.invoice?.sentAt !== undefined), total: records.length },
    ordered: { done: count((record) => record.purchaseOrder !== undefined), total: records.length },
    financed: {
      done: financed.filter((record) => record.proposal?.updatedAt !== undefined).length,
      total: financed.length,
    },
  }
}
