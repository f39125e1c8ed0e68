import { describe, expectTypeOf, it } from 'vitest'
import { type CliIo, runCli } from './cli.ts'
import { type DemoWorld, demoJobConfig, startDemoWorld } from './demo-world.ts'
import type { JobConfig } from './job-config.ts'
import type { JobProgress } from './job-progress.ts'
import type { JobOutcome, JobSummary } from './job-summary.ts'
import { liveJobConfig } from './live-config.ts'
import { type RunJobOptions, runJob } from './run-job.ts'

describe('the app as a library', () => {
  it('runs a job from either configuration and resolves with a plain summary', () => {
    expectTypeOf(runJob).parameters.toEqualTypeOf<[JobConfig, RunJobOptions?]>()
    expectTypeOf(runJob).returns.resolves.toEqualTypeOf<JobSummary>()
    expectTypeOf(liveJobConfig).returns.toEqualTypeOf<JobConfig>()
    expectTypeOf(demoJobConfig).parameter(0).toEqualTypeOf<DemoWorld>()
    expectTypeOf(startDemoWorld).returns.resolves.toEqualTypeOf<DemoWorld>()
    expectTypeOf<JobSummary['outcome']>().toEqualTypeOf<JobOutcome>()
    expectTypeOf<JobSummary['providers']['convictional']['tooManyRequests']>().toBeNumber()
  })

  it('hands progress snapshots to onProgress and lets the command line be driven with stand-in streams', () => {
    expectTypeOf<NonNullable<RunJobOptions['onProgress']>>().parameter(0).toEqualTypeOf<JobProgress>()
    expectTypeOf(runCli).parameter(0).toEqualTypeOf<CliIo>()
    expectTypeOf(runCli).returns.resolves.toBeNumber()
    // @ts-expect-error: a job needs somewhere to keep its state
    const incomplete: JobConfig = { target: 'live' }
    expectTypeOf(incomplete).not.toBeAny()
  })
})
