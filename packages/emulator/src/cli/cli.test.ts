import { describe, expect, it } from 'vitest'
import { CliUsageError, parseCliArguments, parseFaults } from './cli-arguments.js'
import { runCli } from './run-cli.js'

describe('b2bkit-emulator command line', () => {
  it('parses a provider, a port, a seed and a list of faults', () => {
    expect(
      parseCliArguments(['bol', '--port', '4010', '--seed', '3', '--faults', 'error=0.1,reset=0.02,latency=0-200']),
    ).toEqual({
      target: 'bol',
      port: 4010,
      options: { seed: 3, faults: { errorRate: 0.1, resetRate: 0.02, latencyMs: [0, 200] } },
    })
    expect(parseFaults('token-outage=10000,token-lifetime=5000,slow-body=300,timing=after-apply')).toEqual({
      tokenOutage: { durationMs: 10_000 },
      tokenLifetimeMs: 5_000,
      slowBodyMs: 300,
      timing: 'after-apply',
    })
  })

  it('rejects unknown providers, options and faults with a message for the person typing', () => {
    expect(() => parseCliArguments(['amazon'])).toThrow(CliUsageError)
    expect(() => parseCliArguments(['all', '--verbose'])).toThrow('Unknown option "--verbose"')
    expect(() => parseFaults('boom=1')).toThrow('Unknown fault "boom"')
    expect(() => parseCliArguments(['bol', '--port', 'x'])).toThrow('--port needs a number')
    expect(parseCliArguments(['--help'])).toBeUndefined()
  })

  it('starts all four emulators and prints their URLs and demo credentials', async () => {
    let printed = ''
    const session = await runCli(['all', '--no-rate-limits'], { write: (text) => (printed += text), error: () => {} })
    try {
      expect(session?.emulators).toHaveLength(4)
      for (const emulator of session?.emulators ?? []) {
        expect(printed).toContain(emulator.url)
        const response = await fetch(emulator.url)
        expect(response.status).toBeGreaterThanOrEqual(400)
      }
      expect(printed).toContain('clientSecret')
      expect(printed).toContain('buyerApiKey')
    } finally {
      await session?.stop()
    }
  })

  it('prints the usage for --help and a usage error with exit code 2 for a mistake', async () => {
    let printed = ''
    let errors = ''
    const output = { write: (text: string) => (printed += text), error: (text: string) => (errors += text) }
    expect(await runCli(['--help'], output)).toBeUndefined()
    expect(printed).toContain('Usage: b2bkit-emulator')
    const previous = process.exitCode
    expect(await runCli(['nope'], output)).toBeUndefined()
    expect(errors).toContain('Unknown provider "nope"')
    expect(process.exitCode).toBe(2)
    process.exitCode = previous
  })
})
