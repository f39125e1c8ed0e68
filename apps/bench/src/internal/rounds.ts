// Interleaved rounds: every round gives each client one batch, in an order rotated from round to round, so a burst
// of load from another job on a shared machine lands on all clients alike rather than on one.
import { progress } from './report.ts'

/** A client under test: `get(id)` fetches `/items/{id}` and parses the JSON body. */
export interface Runner {
  name: string
  get: (id: number) => Promise<unknown>
  /** Whether the overhead target (≤ 1.10× ky) applies to this client. */
  hasTarget?: boolean
}

export type Mode = 'sequential' | 'concurrent'

/** One batch of one client: wall time and client-process CPU time per request, in microseconds. */
export interface Sample {
  wallMicroseconds: number
  cpuMicroseconds: number
}

/** How many requests the concurrent mode keeps in flight. */
export const concurrency = 64

export interface RoundsOptions {
  mode: Mode
  rounds: number
  batch: number
  /** For progress lines. */
  label: string
}

export async function runBatch(runner: Runner, mode: Mode, size: number, firstId: number): Promise<Sample> {
  ;(globalThis as { gc?: () => void }).gc?.() // so one client's garbage is not collected in the next one's batch
  const cpuBefore = process.cpuUsage()
  const startedAt = performance.now()
  if (mode === 'sequential') {
    for (let index = 0; index < size; index++) await runner.get(firstId + index)
  } else {
    let next = 0
    const worker = async () => {
      while (next < size) await runner.get(firstId + next++)
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }
  const wallMicroseconds = ((performance.now() - startedAt) * 1000) / size
  const cpu = process.cpuUsage(cpuBefore)
  return { wallMicroseconds, cpuMicroseconds: (cpu.user + cpu.system) / size }
}

/** Runs a warm-up batch per client (not counted), then `rounds` interleaved rounds; samples by client name. */
export async function runRounds(runners: readonly Runner[], options: RoundsOptions): Promise<Map<string, Sample[]>> {
  const { mode, rounds, batch, label } = options
  const samples = new Map<string, Sample[]>(runners.map((runner) => [runner.name, []]))
  for (const runner of runners) await runBatch(runner, mode, batch, 0)
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < runners.length; turn++) {
      const runner = runners[(round + turn) % runners.length] as Runner
      samples.get(runner.name)?.push(await runBatch(runner, mode, batch, round * batch))
    }
    progress(`${label}: round ${round + 1}/${rounds}`)
  }
  return samples
}
