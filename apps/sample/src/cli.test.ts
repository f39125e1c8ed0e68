import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { temporaryDirectory } from '../test/exactly-once.ts'
import { runCli } from './cli.ts'

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
})
