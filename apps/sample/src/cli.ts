import { isB2bkitError } from '@b2bkit/http'
import { type CliArguments, parseCliArguments, usage } from './cli-arguments.ts'
import { type DemoWorld, demoJobConfig, startDemoWorld } from './demo-world.ts'
import { messageOf } from './internal/failures.ts'
import type { CommonSettings, JobConfig } from './job-config.ts'
import type { JobSummary } from './job-summary.ts'
import { type Environment, liveJobConfig, wantsLiveMode } from './live-config.ts'
import { runJob } from './run-job.ts'
import { SampleConfigurationError } from './sample-errors.ts'
import { createLineView } from './views/progress-lines.ts'
import { createPanelView, type OutputStream } from './views/progress-panel.ts'
import { renderSummary } from './views/summary-table.ts'

/** What the command line runs with: its arguments, environment and streams (tests pass their own). */
export interface CliIo {
  argv: readonly string[]
  env: Environment
  stdout: OutputStream
  stderr: OutputStream
  /** Stops the job (Ctrl+C). */
  signal?: AbortSignal | undefined
}

/** The exit code of each outcome. */
export const exitCodes: Record<JobSummary['outcome'], number> = {
  completed: 0,
  failed: 1,
  'completed-with-failures': 2,
  stopped: 130,
}

function settingsOf(args: CliArguments, env: Environment): CommonSettings {
  const threshold = env.SAMPLE_PROPOSAL_THRESHOLD?.trim()
  const fromEnvironment = threshold === undefined || threshold === '' ? undefined : Number(threshold)
  if (fromEnvironment !== undefined && !(Number.isFinite(fromEnvironment) && fromEnvironment >= 0)) {
    throw new SampleConfigurationError('SAMPLE_PROPOSAL_THRESHOLD must be a number of at least 0.')
  }
  return {
    stateFile: args.stateFile ?? (env.SAMPLE_STATE_FILE?.trim() || undefined),
    proposalThreshold: args.proposalThreshold ?? fromEnvironment,
    concurrency: args.concurrency,
  }
}

async function configure(args: CliArguments, env: Environment): Promise<{ config: JobConfig; world?: DemoWorld }> {
  const settings = settingsOf(args, env)
  if (wantsLiveMode(env)) {
    const emulatorOnly = [args.orders === undefined ? '' : '--orders', args.seed === undefined ? '' : '--seed']
    const misplaced = [...emulatorOnly, args.faults ? '' : '--no-faults'].filter(Boolean)
    if (misplaced.length > 0) {
      throw new SampleConfigurationError(`${misplaced.join(', ')} only apply to the emulators, not to live mode.`)
    }
    return { config: liveJobConfig(env, settings) }
  }
  const world = await startDemoWorld({
    openOrders: args.orders,
    seed: args.seed,
    faults: args.faults ? undefined : false,
  })
  return { config: demoJobConfig(world, settings), world }
}

const failureLine = (message: string) => `b2bkit sample: ${message.split('\n')[0]}\n`

/**
 * Runs the app as the command line does and resolves with its exit code: 0 when every order is done, 1 when the job
 * could not run (configuration, credentials, a provider down), 2 when some orders failed, 130 when stopped. Failures
 * print one line on stderr, never a stack or a secret.
 *
 * @example
 * process.exitCode = await runCli({ argv: process.argv.slice(2), env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export async function runCli(io: CliIo): Promise<number> {
  let args: CliArguments | undefined
  let world: DemoWorld | undefined
  try {
    args = parseCliArguments(io.argv)
    if (args.help) {
      io.stdout.write(`${usage}\n`)
      return 0
    }
    const configured = await configure(args, io.env)
    world = configured.world
    const view = args.json
      ? undefined
      : io.stdout.isTTY === true
        ? createPanelView(io.stdout)
        : createLineView(io.stdout)
    const summary = await runJob(configured.config, {
      signal: io.signal,
      onProgress: (progress) => view?.update(progress),
    })
    view?.close()
    const didSomething = Object.values(summary.thisRun).some((count) => count > 0)
    if (args.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    else if (summary.outcome !== 'failed' || didSomething) io.stdout.write(`\n${renderSummary(summary)}\n`)
    if (summary.error !== undefined) {
      const resume = !didSomething
        ? ''
        : configured.config.target === 'live'
          ? ' (the state file keeps what was done: run again to continue)'
          : ' (the emulators stop with the app: the next run starts over)'
      io.stderr.write(failureLine(`${summary.error.message}${resume}`))
    }
    return exitCodes[summary.outcome]
  } catch (error) {
    // Only configuration mistakes and emulators that cannot start get here: runJob() resolves with its failures.
    const message = messageOf(error)
    const code = isB2bkitError(error) ? error.code : 'SAMPLE_UNEXPECTED'
    // `--json` counts even when another argument was wrong, so a script always gets JSON.
    if (args?.json ?? io.argv.includes('--json'))
      io.stdout.write(`${JSON.stringify({ outcome: 'failed', error: { code, message } }, null, 2)}\n`)
    io.stderr.write(failureLine(message))
    return 1
  } finally {
    await world?.stop()
  }
}
