import type { Emulator, ProviderName } from '../core/emulator.js'
import { providerNames, startEmulator } from '../start-emulator.js'
import { CliUsageError, parseCliArguments, usage } from './cli-arguments.js'

/** Running emulators started by the CLI. */
export interface CliSession {
  emulators: Emulator[]
  stop(): Promise<void>
}

function describe(provider: ProviderName, emulator: Emulator): string {
  const lines = [`${provider.padEnd(19)}${emulator.url}`]
  if (emulator.tokenUrl) lines.push(`  ${'tokenUrl'.padEnd(17)}${emulator.tokenUrl}`)
  // Printing the demo credentials is the CLI's job: they only open these local emulators.
  for (const [name, value] of Object.entries(emulator.credentials as Record<string, unknown>)) {
    lines.push(`  ${name.padEnd(17)}${String(value)}`)
  }
  return lines.join('\n')
}

/**
 * Starts the emulators the arguments ask for and prints their URLs and demo credentials.
 * Returns `undefined` after printing the usage (or a usage error, with `exitCode` 2).
 */
export async function runCli(
  argv: readonly string[],
  output: { write(text: string): void; error(text: string): void },
): Promise<CliSession | undefined> {
  let parsed: ReturnType<typeof parseCliArguments>
  try {
    parsed = parseCliArguments(argv)
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error
    output.error(`${error.message}\n\n${usage}\n`)
    process.exitCode = 2
    return undefined
  }
  if (!parsed) {
    output.write(`${usage}\n`)
    return undefined
  }
  const providers = parsed.target === 'all' ? providerNames : [parsed.target]
  const emulators: Emulator[] = []
  for (const [index, provider] of providers.entries()) {
    const port = parsed.port === 0 ? 0 : parsed.port + index
    emulators.push((await startEmulator(provider, { ...parsed.options, port })) as Emulator)
  }
  const sections = providers.map((provider, index) => describe(provider, emulators[index] as Emulator))
  output.write(`b2bkit emulators on 127.0.0.1 (Ctrl+C stops them)\n\n${sections.join('\n\n')}\n`)
  return { emulators, stop: async () => void (await Promise.all(emulators.map((emulator) => emulator.stop()))) }
}
