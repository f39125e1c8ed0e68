import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { temporaryDirectory } from '../test/exactly-once.ts'
import { runCli } from './cli.ts'
import { startDemoWorld } from './demo-world.ts'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let stateFile: string
beforeEach(async () => {
  directory = await temporaryDirectory()
  stateFile = join(directory.path, 'state.json')
})
afterEach(() => directory.remove())

/** Runs the command line in-process with stand-ins for stdout and stderr. */
async function cli(
  argv: string[],
  options: { env?: Record<string, string>; isTTY?: boolean; signal?: AbortSignal } = {},
) {
  const out: string[] = []
  const errors: string[] = []
  const code = await runCli({
    argv,
    env: options.env ?? {},
    stdout: { isTTY: options.isTTY ?? false, columns: 100, write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => errors.push(text) },
    signal: options.signal,
  })
  return { code, stdout: out.join(''), stderr: errors.join('') }
}

const quick = ['--orders', '4', '--no-faults']

describe('the command line', () => {
  it('prints only the summary as JSON with --json, and exits 0 when every order is done', async () => {
    const { code, stdout, stderr } = await cli(['--json', ...quick, '--state-file', stateFile])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    const summary = JSON.parse(stdout)
    expect(summary).toMatchObject({ outcome: 'completed', target: 'emulators', stateFile })
    expect(summary.thisRun).toMatchObject({ shipped: 4, invoiceSent: 4, purchaseOrderPlaced: 4 })
    expect(summary.providers.bol.requests).toBeGreaterThan(0)
    expect(JSON.parse(await readFile(stateFile, 'utf8')).version).toBe(1)
  })

  it('prints plain progress lines and the summary table when stdout is not a terminal', async () => {
    const { code, stdout } = await cli(quick, { env: { SAMPLE_STATE_FILE: stateFile } })
    expect(code).toBe(0)
    expect(stdout).not.toContain('\u001b')
    expect(stdout).toMatch(/^\[ +0\.\d s\] connecting: /)
    expect(stdout).toMatch(/\] finished: 4 open \+ 0 earlier · orders shipped 4\/4/)
    expect(stdout).toMatch(/orders shipped +4 +4\/4/)
    expect(stdout).toMatch(/provider +requests +429s +retries +token requests/)
    await access(stateFile)
  })

  it('redraws a live panel on a terminal, then leaves the summary', async () => {
    const { code, stdout } = await cli([...quick, '--state-file', stateFile], { isTTY: true })
    expect(code).toBe(0)
    expect(stdout.startsWith('\u001b[?25l')).toBe(true)
    expect(stdout).toContain('orders shipped   ')
    expect(stdout.slice(stdout.lastIndexOf('\u001b[?25h'))).toMatch(/completed in [\d.]+ s/)
  })

  it('refuses a partial live configuration in one line naming what is missing, without the secret', async () => {
    const env = { BOL_CLIENT_ID: 'my-client', BOL_CLIENT_SECRET: 'my-very-secret-value' }
    const { code, stdout, stderr } = await cli([], { env })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^b2bkit sample: live mode needs every provider's credentials; missing BOL_ENVIRONMENT, /)
    expect(stderr.trimEnd()).not.toContain('\n')
    expect(stderr).not.toContain('my-very-secret-value')
  })

  it('refuses emulator options in live mode, and unknown options, as JSON too with --json', async () => {
    const live = await cli(['--orders', '5'], { env: { CONVICTIONAL_API_KEY: 'k' } })
    expect(live.code).toBe(1)
    expect(live.stderr).toContain('--orders only apply to the emulators')
    const unknown = await cli(['--json', '--fast'])
    expect(unknown.code).toBe(1)
    expect(JSON.parse(unknown.stdout)).toMatchObject({ outcome: 'failed', error: { code: 'SAMPLE_CONFIGURATION' } })
  })

  it('exits 130 with one line when stopped, and prints the usage with --help', async () => {
    const stopped = await cli([...quick, '--state-file', stateFile], { signal: AbortSignal.abort(new Error('Ctrl+C')) })
    expect(stopped.code).toBe(130)
    expect(stopped.stderr).toBe('b2bkit sample: stopped: Ctrl+C\n')
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Exit codes: 0 every order done · 1 the job could not run · 2 some orders failed')
  })

  it('runs against the endpoints and credentials given in environment variables (the emulators on loopback here)', async () => {
    const world = await startDemoWorld({ openOrders: 4, ordersPageSize: 50, faults: false, processDelayMs: 20 })
    try {
      const { bol, b2brouter, convictional, siesmart } = world.emulators
      const env = {
        BOL_CLIENT_ID: bol.credentials.clientId,
        BOL_CLIENT_SECRET: bol.credentials.clientSecret,
        BOL_ENVIRONMENT: 'production',
        BOL_BASE_URL: bol.url,
        BOL_TOKEN_URL: bol.tokenUrl ?? '',
        B2BROUTER_API_KEY: b2brouter.credentials.apiKey,
        B2BROUTER_ACCOUNT_ID: String(b2brouter.credentials.accountId),
        B2BROUTER_ENVIRONMENT: 'staging',
        B2BROUTER_BASE_URL: b2brouter.url,
        CONVICTIONAL_API_KEY: convictional.credentials.buyerApiKey,
        CONVICTIONAL_BASE_URL: convictional.url,
        SIESMART_CLIENT_ID: siesmart.credentials.clientId,
        SIESMART_CLIENT_SECRET: siesmart.credentials.clientSecret,
        SIESMART_ENVIRONMENT: 'test',
        SIESMART_API_URL: siesmart.url,
        SIESMART_TOKEN_URL: siesmart.tokenUrl ?? '',
      }
      const refused = await cli(['--state-file', stateFile], {
        env: { ...env, BOL_CLIENT_SECRET: 'wrong-bol-secret-5c2' },
      })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(
        /^b2bkit sample: bol\.com refused the credentials: .* — check BOL_CLIENT_ID, BOL_CLIENT_SECRET and BOL_ENVIRONMENT\n$/,
      )
      expect(`${refused.stdout}${refused.stderr}`).not.toContain('wrong-bol-secret-5c2')

      const { code, stdout } = await cli(['--json', '--state-file', stateFile], { env })
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toMatchObject({ outcome: 'completed', target: 'live', thisRun: { shipped: 4 } })
      expect(bol.state.shipments.size).toBe(5 + 4) // the five seeded shipped orders, and ours
    } finally {
      await world.stop()
    }
  })
})
