import type { ProviderName } from '../core/emulator.js'
import type { FaultOptions, FaultTiming } from '../core/faults.js'
import { type EmulatorOptions, isProviderName, providerNames } from '../start-emulator.js'

/** What the command line asked for. */
export interface CliArguments {
  /** One provider, or `'all'`. */
  target: ProviderName | 'all'
  /** The first port (`all` uses it and the next three), or 0 for free ports. */
  port: number
  /** Options for every emulator started. */
  options: EmulatorOptions
}

/** The usage text of `b2bkit-emulator`. */
export const usage = `Usage: b2bkit-emulator <${providerNames.join('|')}|all> [options]

Options:
  --port <n>            first port on 127.0.0.1 (all: n, n+1, n+2, n+3); 0 picks free ports (default 0)
  --seed <n>            seed for generated data and fault decisions (default 1)
  --process-delay <ms>  bol: how long processes stay PENDING (default 200)
  --token-ttl <s>       token lifetime (default 299 for bol, 86400 for SieSmart)
  --no-rate-limits      switch rate limits off
  --faults <list>       comma-separated faults, e.g. error=0.1,reset=0.02,latency=0-200
                          error=<share>  reset=<share>  latency=<ms>|<min>-<max>  slow-body=<ms>
                          token-outage=<ms>  token-lifetime=<ms>  timing=before-apply|after-apply|random
  --help                show this text`

/** A command-line mistake, with a message meant for the person typing. */
export class CliUsageError extends Error {
  override name = 'CliUsageError' as const
}

function number(name: string, value: string | undefined): number {
  const parsed = Number(value)
  if (value === undefined || value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new CliUsageError(`${name} needs a number of 0 or more, got "${value ?? ''}".`)
  }
  return parsed
}

/** Parses `--faults error=0.1,reset=0.02,latency=0-200,...`. */
export function parseFaults(list: string): FaultOptions {
  const faults: FaultOptions = {}
  for (const entry of list.split(',').filter(Boolean)) {
    const [key = '', value = ''] = entry.split('=')
    switch (key.trim()) {
      case 'error':
        faults.errorRate = number('error', value)
        break
      case 'reset':
        faults.resetRate = number('reset', value)
        break
      case 'latency': {
        const [minimum, maximum] = value.split('-')
        faults.latencyMs =
          maximum === undefined ? number('latency', minimum) : [number('latency', minimum), number('latency', maximum)]
        break
      }
      case 'slow-body':
        faults.slowBodyMs = number('slow-body', value)
        break
      case 'token-outage':
        faults.tokenOutage = { durationMs: number('token-outage', value) }
        break
      case 'token-lifetime':
        faults.tokenLifetimeMs = number('token-lifetime', value)
        break
      case 'timing':
        if (!['before-apply', 'after-apply', 'random'].includes(value))
          throw new CliUsageError(`timing must be before-apply, after-apply or random.`)
        faults.timing = value as FaultTiming
        break
      default:
        throw new CliUsageError(`Unknown fault "${key}".`)
    }
  }
  return faults
}

/** Parses the arguments after the command name; `undefined` means "show the usage". */
export function parseCliArguments(argv: readonly string[]): CliArguments | undefined {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return undefined
  const [target = '', ...rest] = argv
  if (target !== 'all' && !isProviderName(target)) throw new CliUsageError(`Unknown provider "${target}".`)
  const result: CliArguments = { target, port: 0, options: {} }
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index]
    const value = () => {
      index++
      return rest[index]
    }
    if (flag === '--port') result.port = number('--port', value())
    else if (flag === '--seed') result.options.seed = number('--seed', value())
    else if (flag === '--process-delay') result.options.processDelayMs = number('--process-delay', value())
    else if (flag === '--token-ttl') result.options.tokenTtlSeconds = number('--token-ttl', value())
    else if (flag === '--no-rate-limits') result.options.rateLimits = false
    else if (flag === '--faults') result.options.faults = parseFaults(value() ?? '')
    else throw new CliUsageError(`Unknown option "${flag}".`)
  }
  return result
}
