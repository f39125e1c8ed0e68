// Runs a provider client through many operations at once against its emulator with faults on, and records what
// came of each: the value or the error, every log line, and any rejection nobody handled.
import { format } from 'node:util'
import { vi } from 'vitest'

/** One operation of the mix. `write` marks operations that change state at the provider. */
export interface Operation {
  name: string
  write: boolean
  run: () => Promise<unknown>
}

/** What came of one operation. */
export type Outcome = { name: string; write: boolean } & ({ ok: true; value: unknown } | { ok: false; error: unknown })

export interface MatrixOptions {
  /** How many operations to run. */
  count: number
  /** How many run at once. */
  concurrency: number
  /** The operation with this index (draw it from a seeded generator, so runs are comparable). */
  operation: (index: number) => Operation
  /** Things to do when this many operations have started: switch faults on, expire tokens, … */
  events?: ReadonlyArray<{ afterStarted: number; run: () => void }>
}

export interface MatrixResult {
  outcomes: Outcome[]
  /** Rejections and exceptions nobody handled during the run. */
  unhandled: unknown[]
  /** Everything written to the console during the run, one entry per call. */
  logLines: string[]
  elapsedMs: number
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

export async function runMatrix(options: MatrixOptions): Promise<MatrixResult> {
  const unhandled: unknown[] = []
  const logLines: string[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  process.on('uncaughtException', onUnhandled)
  const spies = consoleMethods.map((method) =>
    vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => {
      logLines.push(`${method}: ${format(...parts)}`)
    }),
  )
  const outcomes: Outcome[] = []
  const pendingEvents = [...(options.events ?? [])].sort((left, right) => left.afterStarted - right.afterStarted)
  let started = 0
  const startedAt = performance.now()
  const worker = async () => {
    while (started < options.count) {
      const index = started++
      while (pendingEvents.length > 0 && (pendingEvents[0]?.afterStarted ?? Number.POSITIVE_INFINITY) <= index) {
        pendingEvents.shift()?.run()
      }
      const operation = options.operation(index)
      try {
        outcomes.push({ name: operation.name, write: operation.write, ok: true, value: await operation.run() })
      } catch (error) {
        outcomes.push({ name: operation.name, write: operation.write, ok: false, error })
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker))
    // A rejection left behind by a finished call surfaces within a few turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 250))
  } finally {
    for (const spy of spies) spy.mockRestore()
    process.off('unhandledRejection', onUnhandled)
    process.off('uncaughtException', onUnhandled)
  }
  return { outcomes, unhandled, logLines, elapsedMs: performance.now() - startedAt }
}

/** A small seeded generator (mulberry32), so the mix of operations is the same from run to run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Picks an entry by weight. */
export function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [number, T]>): T {
  const total = weighted.reduce((sum, [weight]) => sum + weight, 0)
  let roll = random() * total
  for (const [weight, value] of weighted) {
    roll -= weight
    if (roll < 0) return value
  }
  return (weighted.at(-1) as readonly [number, T])[1]
}
