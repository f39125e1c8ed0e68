import { parseArgs } from 'node:util'
import { SampleConfigurationError } from './sample-errors.ts'

/** What the command line asked for. */
export interface CliArguments {
  /** Print the summary as JSON only. */
  json: boolean
  /** Print the usage and stop. */
  help: boolean
  /** The state file (`SAMPLE_STATE_FILE` otherwise). */
  stateFile: string | undefined
  /** Emulators only: open bol orders to seed. */
  orders: number | undefined
  /** Emulators only: the seed of their data and faults. */
  seed: number | undefined
  /** Emulators only: `false` (`--no-faults`) starts them without faults. */
  faults: boolean
  /** Orders above this total get a finance proposal (`SAMPLE_PROPOSAL_THRESHOLD` otherwise). */
  proposalThreshold: number | undefined
  /** Orders worked on at once. */
  concurrency: number | undefined
}

/** The usage text of `--help`. */
export const usage = `Usage: pnpm demo [-- options]   (or: node src/main.ts [options] in apps/sample)

Ships every open bol.com order, invoices it through B2Brouter, orders the goods through Convictional and opens a
SieSmart finance proposal for large orders. Without provider variables it runs against built-in emulators; with
them (see apps/sample/README.md) against the real APIs.

  --json                      print the summary as JSON only
  --state-file <path>         the state file (default: $SAMPLE_STATE_FILE or .sample-state/state.json)
  --proposal-threshold <n>    orders above this total (VAT included) get a proposal (default 150)
  --concurrency <n>           orders worked on at once (default 8)
  --orders <n>                emulators: open bol.com orders to seed (default 40)
  --seed <n>                  emulators: seed of their data and faults (default 7)
  --no-faults                 emulators: no latency, 5xx answers or resets
  --help                      this text

Exit codes: 0 every order done · 1 the job could not run · 2 some orders failed · 130 stopped`

function number(name: string, text: string | undefined, minimum: number, maximum: number, whole = true) {
  if (text === undefined) return undefined
  const value = Number(text)
  const valid = text.trim() !== '' && (whole ? Number.isSafeInteger(value) : Number.isFinite(value))
  if (!valid || value < minimum || value > maximum) {
    throw new SampleConfigurationError(
      `--${name} must be a ${whole ? 'whole ' : ''}number from ${minimum} to ${maximum}.`,
    )
  }
  return value
}

/**
 * Reads the command line. A `--` first (what `pnpm demo -- --json` may pass on) is skipped. Throws
 * `SampleConfigurationError` for an unknown option or a bad value.
 *
 * @example
 * parseCliArguments(['--json', '--orders', '25']) // { json: true, orders: 25, … }
 */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv]
  let values: ReturnType<typeof read>['values']
  try {
    values = read(args).values
  } catch (error) {
    throw new SampleConfigurationError(`${(error as Error).message.split('\n')[0]} (see --help)`)
  }
  return {
    json: values.json === true,
    help: values.help === true,
    stateFile: values['state-file'],
    orders: number('orders', values.orders, 1, 5000),
    seed: number('seed', values.seed, 0, 2 ** 31),
    faults: values.faults !== false,
    proposalThreshold: number('proposal-threshold', values['proposal-threshold'], 0, 1e9, false),
    concurrency: number('concurrency', values.concurrency, 1, 64),
  }
}

function read(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    allowNegative: true,
    options: {
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      'state-file': { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'boolean' },
      'proposal-threshold': { type: 'string' },
      concurrency: { type: 'string' },
    },
  })
}
