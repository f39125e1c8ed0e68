import type { ProviderStats } from './internal/provider-clients.ts'
import type { CompletedStep } from './internal/step-context.ts'
import type { JobTarget, ProviderName } from './job-config.ts'
import type { StageName, StageProgress } from './job-progress.ts'

/**
 * How the run ended: every order done (`completed`); the job went through but some orders could not be taken
 * further (`completed-with-failures`, the next run tries them again); a provider could not be used (`failed`); or the
 * caller's signal stopped it (`stopped`). Whatever the outcome, the state file holds what was done.
 */
export type JobOutcome = 'completed' | 'completed-with-failures' | 'failed' | 'stopped'

/** One order the run gave up on. */
export interface OrderFailureSummary {
  orderId: string
  step: string
  message: string
}

/**
 * What `runJob()` resolves with: counts, each provider's counters, the wall time. Plain data: `JSON.stringify` gives
 * the `--json` output.
 *
 * @example
 * const summary = await runJob(config)
 * if (summary.outcome !== 'completed') console.error(summary.error?.message ?? summary.failures)
 */
export interface JobSummary {
  outcome: JobOutcome
  target: JobTarget
  description: string
  stateFile: string
  startedAt: string
  wallTimeMs: number
  /** This run's orders: open on bol, from earlier runs, and how they ended. */
  orders: { open: number; pages: number; resumed: number; completed: number; failed: number; unfinished: number }
  /** Steps done in this run (a create the provider recognised as a repeat counts: its result is what was kept). */
  thisRun: Record<CompletedStep, number>
  /** Every order in the state file, all runs together, per stage. */
  allRuns: Record<StageName, StageProgress>
  /** Each client's counters for this run. */
  providers: Record<ProviderName, ProviderStats>
  /** The orders this run gave up on. */
  failures: OrderFailureSummary[]
  /** Why the job failed or stopped. */
  error?: { code: string; reason?: string | undefined; provider?: ProviderName | undefined; message: string }
}

/** Zero for every step. */
export const noSteps = (): Record<CompletedStep, number> => ({
  shipped: 0,
  invoiceCreated: 0,
  invoiceSent: 0,
  purchaseOrderPlaced: 0,
  proposalOpened: 0,
  proposalUpdated: 0,
})
