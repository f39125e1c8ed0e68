import { randomUUID } from 'node:crypto'
import { type EmulatorFor, type EmulatorOptions, type FaultOptions, startEmulator } from '@b2bkit/emulator'
import { alignCatalogs, clientSettingsFor, type DemoEmulators } from './internal/demo-clients.ts'
import {
  type CommonSettings,
  commonDefaults,
  type JobConfig,
  type ProviderName,
  type ProviderSettings,
} from './job-config.ts'

/** The faults of the default run: a little latency, a few 5xx answers, a rare reset, before or after the write. */
export const demoFaults: FaultOptions = { latencyMs: [5, 30], errorRate: 0.025, resetRate: 0.005, timing: 'random' }

/** Options of `startDemoWorld()`. */
export interface DemoWorldOptions {
  /**
   * Seeds the emulators' data and fault decisions.
   * @default 7
   */
  seed?: number | undefined
  /**
   * Open bol orders to start with.
   * @default 40
   */
  openOrders?: number | undefined
  /**
   * bol orders per page (bol's own is 50), so the orders span more than one page.
   * @default 15
   */
  ordersPageSize?: number | undefined
  /**
   * The faults every emulator starts with; `false` for none.
   * @default demoFaults
   */
  faults?: FaultOptions | false | undefined
  /**
   * How long a bol process stays `PENDING`, in milliseconds.
   * @default 200
   */
  processDelayMs?: number | undefined
  /**
   * More options per emulator (rate limits, credentials…), merged over the ones above.
   * @default {}
   */
  emulators?: Partial<Record<ProviderName, EmulatorOptions>> | undefined
}

/** The four emulators of a demo run, and the client settings that reach them. */
export interface DemoWorld {
  emulators: DemoEmulators
  /** Client settings for the emulators: their URLs and demo credentials. */
  providers: ProviderSettings
  /** Names this set of emulators (their state lives and dies with them). */
  sessionId: string
  /** Open bol orders seeded. */
  openOrders: number
  /** The faults the emulators started with. */
  faults: FaultOptions
  /** Stops all four. */
  stop(): Promise<void>
}

/**
 * Starts the four emulators on 127.0.0.1 (free ports), seeded with open bol orders, with a few faults on.
 *
 * @example
 * const world = await startDemoWorld({ openOrders: 25, faults: false })
 * try { await runJob(demoJobConfig(world)) } finally { await world.stop() }
 */
export async function startDemoWorld(options: DemoWorldOptions = {}): Promise<DemoWorld> {
  const openOrders = options.openOrders ?? 40
  const faults = options.faults === false ? {} : (options.faults ?? demoFaults)
  const common: EmulatorOptions = {
    seed: options.seed ?? 7,
    processDelayMs: options.processDelayMs ?? 200,
    faults,
    bol: { openOrders, ordersPageSize: options.ordersPageSize ?? 15 },
  }
  const start = <P extends ProviderName>(provider: P) =>
    startEmulator(provider, { ...common, ...options.emulators?.[provider] })
  const started = await Promise.allSettled([
    start('bol'),
    start('b2brouter'),
    start('convictional'),
    start('siesmart'),
  ] as const)
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failed = started.find((result) => result.status === 'rejected')
  if (failed !== undefined) {
    await Promise.all(running.map((emulator) => emulator.stop()))
    throw failed.reason
  }
  const [bol, b2brouter, convictional, siesmart] = running as [
    EmulatorFor<'bol'>,
    EmulatorFor<'b2brouter'>,
    EmulatorFor<'convictional'>,
    EmulatorFor<'siesmart'>,
  ]
  const emulators = { bol, b2brouter, convictional, siesmart }
  alignCatalogs(emulators)
  return {
    emulators,
    sessionId: randomUUID(),
    openOrders,
    faults,
    providers: clientSettingsFor(emulators),
    stop: async () => {
      await Promise.all(running.map((emulator) => emulator.stop()))
    },
  }
}

/** The faults in a few words: `5–30 ms latency, 2.5% 5xx, 0.5% resets`. */
export function describeFaults(faults: FaultOptions): string {
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`
  const latency = faults.latencyMs
  const parts = [
    latency === undefined || latency === 0
      ? ''
      : `${typeof latency === 'number' ? latency : `${latency[0]}–${latency[1]}`} ms latency`,
    faults.errorRate ? `${percent(faults.errorRate)} 5xx` : '',
    faults.resetRate ? `${percent(faults.resetRate)} resets` : '',
  ].filter(Boolean)
  return parts.length === 0 ? 'no faults' : parts.join(', ')
}

/**
 * The job's configuration for a demo world.
 *
 * @example
 * const config = demoJobConfig(world, { stateFile: join(directory, 'state.json') })
 */
export function demoJobConfig(world: DemoWorld, settings: CommonSettings = {}): JobConfig {
  return {
    target: 'emulators',
    scope: `emulators-${world.sessionId}`,
    description: `built-in emulators on 127.0.0.1 (${world.openOrders} open bol.com orders; ${describeFaults(world.faults)})`,
    ...structuredClone(world.providers),
    ...commonDefaults(settings),
  }
}
