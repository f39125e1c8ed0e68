import type { B2BRouterClientOptions } from '@b2bkit/b2brouter'
import type { BolClientOptions } from '@b2bkit/bol'
import type { ConvictionalClientOptions } from '@b2bkit/convictional'
import type { SieSmartClientOptions } from '@b2bkit/siesmart'

/** Where the job runs: against the built-in emulators, or against the providers' real APIs. */
export type JobTarget = 'emulators' | 'live'

/** The four providers the job talks to, in the order the job uses them. */
export const providerNames = ['bol', 'b2brouter', 'convictional', 'siesmart'] as const

/** One of the four providers. */
export type ProviderName = (typeof providerNames)[number]

/** How each provider is called: the client options, plus what the job needs to know about the account. */
export interface ProviderSettings {
  /** bol.com: the marketplace whose open orders the job ships. */
  bol: BolClientOptions
  /** B2Brouter: the e-invoicing account that issues and sends the invoices. */
  b2brouter: { client: B2BRouterClientOptions; accountId: number }
  /** Convictional: the buyer key that places purchase orders with the supplier. */
  convictional: ConvictionalClientOptions
  /** SieSmart: the introducer account that opens finance proposals; `officeId` defaults to the first office. */
  siesmart: { client: SieSmartClientOptions; officeId?: string | undefined }
}

/** How often a step is tried again after a failure that may pass (a 5xx, a 429, a lost connection). */
export interface StepRetryOptions {
  /**
   * Attempts of one step, the first included. Each attempt is one call of the client, which retries on its own too.
   * @default 5
   */
  attempts: number
  /**
   * The pause before the second attempt; it doubles per attempt, with jitter.
   * @default 250
   */
  baseDelayMs: number
  /**
   * The longest pause between two attempts.
   * @default 4000
   */
  maxDelayMs: number
}

/**
 * Everything `runJob()` needs. Build it with `liveJobConfig()` (credentials from the environment) or
 * `demoJobConfig()` (the built-in emulators).
 *
 * @example
 * const world = await startDemoWorld()
 * const summary = await runJob(demoJobConfig(world, { stateFile: '.sample-state/state.json' }))
 */
export interface JobConfig extends ProviderSettings {
  /** Emulators or the real APIs. */
  target: JobTarget
  /**
   * Names the accounts (or the emulator session) a state file belongs to, without secrets: a state file written for
   * other accounts is never applied to these.
   */
  scope: string
  /** A one-line description of where the job runs, for the progress view and the summary (no secrets). */
  description: string
  /**
   * Orders whose total (VAT included) is above this amount get a SieSmart finance proposal.
   * @default 150
   */
  proposalThreshold: number
  /** The local state file: what the job has done so far, so a second run continues where the first stopped. */
  stateFile: string
  /**
   * How many orders are worked on at once (the clients' rate limiters pace the calls).
   * @default 8
   */
  concurrency: number
  /** How often a step is tried again after a failure that may pass. */
  retry: StepRetryOptions
}

/** The settings every target shares, with their defaults. */
export interface CommonSettings {
  /** @default 150 */
  proposalThreshold?: number | undefined
  /** @default '.sample-state/state.json' (relative to the working directory) */
  stateFile?: string | undefined
  /** @default 8 */
  concurrency?: number | undefined
  /** @default { attempts: 5, baseDelayMs: 250, maxDelayMs: 4000 } */
  retry?: Partial<StepRetryOptions> | undefined
}

/** The default state file, relative to the working directory (`.sample-state/` is git-ignored). */
export const defaultStateFile = '.sample-state/state.json'

/** The app's name and version in every `User-Agent` it sends. */
export const sampleUserAgent = 'b2bkit-sample/0.0.0'

/** Fills in the common settings' defaults. */
export function commonDefaults(
  settings: CommonSettings,
): Omit<JobConfig, keyof ProviderSettings | 'target' | 'scope' | 'description'> {
  return {
    proposalThreshold: settings.proposalThreshold ?? 150,
    stateFile: settings.stateFile ?? defaultStateFile,
    concurrency: settings.concurrency ?? 8,
    retry: { attempts: 5, baseDelayMs: 250, maxDelayMs: 4000, ...settings.retry },
  }
}
