import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCliArguments } from './cli-arguments.ts'
import { SampleConfigurationError } from './sample-errors.ts'

describe('the command line', () => {
  it('runs with defaults when given nothing', () => {
    expect(parseCliArguments([])).toEqual({
      json: false,
      help: false,
      stateFile: undefined,
      orders: undefined,
      seed: undefined,
      faults: true,
      proposalThreshold: undefined,
      concurrency: undefined,
    })
  })

  it('reads every option, and skips the -- that pnpm passes on', () => {
    expect(
      parseCliArguments([
        '--',
        '--json',
        '--state-file',
        'run.json',
        '--orders',
        '25',
        '--seed=3',
        '--no-faults',
        '--proposal-threshold',
        '99.5',
        '--concurrency',
        '4',
      ]),
    ).toEqual({
      json: true,
      help: false,
      stateFile: 'run.json',
      orders: 25,
      seed: 3,
      faults: false,
      proposalThreshold: 99.5,
      concurrency: 4,
    })
  })

  it('names the option in a one-line error for unknown options, positionals and bad numbers', () => {
    expect(() => parseCliArguments(['--jsn'])).toThrow(/--jsn.*\(see --help\)$/)
    expect(() => parseCliArguments(['orders'])).toThrow(SampleConfigurationError)
    expect(() => parseCliArguments(['--orders', '0'])).toThrow('--orders must be a whole number from 1 to 5000.')
    expect(() => parseCliArguments(['--orders', '2.5'])).toThrow('--orders must be a whole number from 1 to 5000.')
    expect(() => parseCliArguments(['--concurrency', ''])).toThrow('--concurrency must be a whole number from 1 to 64.')
    expect(() => parseCliArguments(['--proposal-threshold=-1'])).toThrow('--proposal-threshold must be a number')
  })

  it('either parses or throws SampleConfigurationError with a one-line message, for any arguments (property)', () => {
    const token = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('--json', '--orders', '--seed', '--no-faults', '--state-file', '--concurrency', '--', '-h'),
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 6 }), (argv) => {
        try {
          const parsed = parseCliArguments(argv)
          if (parsed.orders !== undefined) expect(Number.isInteger(parsed.orders)).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(SampleConfigurationError)
          expect((error as Error).message).not.toContain('\n')
        }
      }),
    )
  })
})
