import { isB2bkitError } from '@b2bkit/http'
import { eachLimited } from './internal/each-limited.ts'
import { messageOf } from './internal/failures.ts'
import { preflight } from './internal/preflight.ts'
import { processOrder } from './internal/process-order.ts'
import { createProviderClients, emptyStats, type ProviderClients } from './internal/provider-clients.ts'
import { retryStep } from './internal/retry-step.ts'
import type { CompletedStep, StepContext } from './internal/step-context.ts'
import { type JobConfig, providerNames } from './job-config.ts'
import { isComplete, type JobPhase, type JobProgress, stagesOf } from './job-progress.ts'
import { type JobState, openJobState } from './job-state.ts'
import { type JobSummary, noSteps, type OrderFailureSummary } from './job-summary.ts'
import { JobFailedError, OrderFailedError } from './sample-errors.ts'

/** Options of `runJob()`. */
export interface RunJobOptions {
  /**
   * Stops the job: calls in flight are cancelled, no new step starts, and `runJob()` resolves with outcome
   * `'stopped'`. What was confirmed is in the state file; the next run continues from there.
   * @default none
   */
  signal?: AbortSignal | undefined
  /**
   * Called with a snapshot at every phase change and every `progressIntervalMs` while the job runs.
   * @default none
   */
  onProgress?: ((progress: JobProgress) => void) | undefined
  /** @default 200 */
  progressIntervalMs?: number | undefined
  /**
   * The clock of the wall time and the state file's timestamps.
   * @default Date.now
   */
  now?: (() => number) | undefined
}

const providerStatsOf = (clients: ProviderClients | undefined) =>
  clients?.stats() ??
  (Object.fromEntries(providerNames.map((name) => [name, emptyStats()])) as ReturnType<ProviderClients['stats']>)

/**
 * Runs the order-to-invoice job once: for every open bol order (and every unfinished order of an earlier run), ship
 * it, invoice it in B2Brouter and send the invoice, place the purchase order through Convictional, and above the
 * threshold open and update a SieSmart finance proposal. Resolves with the summary whatever the outcome (a state
 * file that cannot be used, refused credentials or a provider that is down end as outcome `'failed'`); never rejects.
 *
 * @example
 * const summary = await runJob(config, { signal: AbortSignal.timeout(600_000), onProgress: render })
 * process.exitCode = summary.outcome === 'completed' ? 0 : 1
 */
export async function runJob(config: JobConfig, options: RunJobOptions = {}): Promise<JobSummary> {
  const now = options.now ?? Date.now
  const startedAt = now()
  const controller = new AbortController()
  const stop = () => controller.abort(options.signal?.reason)
  if (options.signal?.aborted) stop()
  options.signal?.addEventListener('abort', stop, { once: true })
  const { signal } = controller
  const thisRun = noSteps()
  const failures: OrderFailureSummary[] = []
  const listing = { pages: 0, open: 0, resumed: 0 }
  let phase: JobPhase = 'connecting'
  let clients: ProviderClients | undefined
  let state: JobState | undefined
  let runOrderIds: string[] = []
  const runRecords = () => runOrderIds.flatMap((orderId) => state?.get(orderId) ?? [])

  const progress = (): JobProgress => ({
    phase,
    target: config.target,
    description: config.description,
    elapsedMs: now() - startedAt,
    orders: { ...listing, failed: failures.length },
    stages: stagesOf(runRecords(), config.proposalThreshold),
    providers: providerStatsOf(clients),
  })
  const emit = () => options.onProgress?.(progress())
  const ticker = setInterval(emit, options.progressIntervalMs ?? 200)
  const retry = <T>(step: (attempt: number) => Promise<T>) => retryStep({ retry: config.retry, signal }, step)

  let failure: unknown
  try {
    state = await openJobState(config.stateFile, {
      scope: config.scope,
      description: config.description,
      otherScope: config.target === 'emulators' ? 'replace' : 'refuse',
      now,
    })
    const jobState = state
    clients = createProviderClients(config)
    emit()
    const onPage = (pages: number, open: number) => Object.assign(listing, { pages, open })
    const abort = (error: unknown) => controller.abort(error)
    const checked = await preflight({ config, clients, signal, retry, abort, onPage })
    const known = new Set(jobState.orders().map((record) => record.orderId))
    const open = new Set(checked.openOrderIds)
    await jobState.add(checked.openOrderIds)
    const unfinished = jobState
      .orders()
      .filter((record) => !open.has(record.orderId) && !isComplete(record, config.proposalThreshold))
    listing.resumed = unfinished.length
    runOrderIds = [...checked.openOrderIds, ...unfinished.map((record) => record.orderId)]
    phase = 'processing'
    emit()
    const context: StepContext = {
      config,
      clients,
      state: jobState,
      preflight: checked.preflight,
      signal,
      retry,
      completed: (step: CompletedStep) => thisRun[step]++,
    }
    await eachLimited(runOrderIds, config.concurrency, abort, async (orderId) => {
      try {
        await processOrder(context, orderId, known.has(orderId))
      } catch (error) {
        if (!(error instanceof OrderFailedError)) throw error
        const entry = { step: error.step, message: error.message, at: jobState.timestamp() }
        failures.push({ orderId, step: entry.step, message: entry.message })
        await jobState.update(orderId, (record) => {
          record.failure = entry
        })
      }
    })
  } catch (error) {
    failure = options.signal?.aborted ? options.signal.reason : error
  } finally {
    clearInterval(ticker)
    phase = 'finished'
  }
  emit()

  const records = runRecords()
  const completed = records.filter((record) => isComplete(record, config.proposalThreshold)).length
  const summary: JobSummary = {
    outcome: outcomeOf(failure, options.signal?.aborted === true, failures.length),
    target: config.target,
    description: config.description,
    stateFile: config.stateFile,
    startedAt: new Date(startedAt).toISOString(),
    wallTimeMs: now() - startedAt,
    orders: {
      ...listing,
      completed,
      failed: failures.length,
      unfinished: records.length - completed - failures.length,
    },
    thisRun,
    allRuns: stagesOf(state?.orders() ?? [], config.proposalThreshold),
    providers: providerStatsOf(clients),
    failures,
  }
  if (failure !== undefined) summary.error = errorSummary(failure, options.signal?.aborted === true)
  return summary
}

function outcomeOf(failure: unknown, stopped: boolean, orderFailures: number): JobSummary['outcome'] {
  if (failure !== undefined) return stopped ? 'stopped' : 'failed'
  return orderFailures > 0 ? 'completed-with-failures' : 'completed'
}

function errorSummary(error: unknown, stopped: boolean): NonNullable<JobSummary['error']> {
  if (stopped) return { code: 'SAMPLE_STOPPED', message: `stopped: ${messageOf(error)}` }
  const failed = error instanceof JobFailedError ? error : undefined
  if (failed !== undefined) {
    return { code: failed.code, reason: failed.reason, provider: failed.provider, message: failed.message }
  }
  if (isB2bkitError(error)) return { code: error.code, message: messageOf(error) }
  return {
    code: 'SAMPLE_UNEXPECTED',
    message: `unexpected ${error instanceof Error ? error.name : 'failure'}: ${messageOf(error)}`,
  }
}
