// Overhead: the per-request cost of fetch, ky, Octokit (retry + throttling) and a b2bkit client with every plugin,
// each sending GETs to one local node:http server that runs in a child process of its own.
//
//   node --expose-gc apps/bench/src/figures/overhead.ts       (after building the packages)
//
// Method, for a 2-core machine shared with other jobs: each mode (sequential; 64 in flight) runs in rounds, and in
// every round each client sends one batch, in an order rotated from round to round, so a burst of load from
// another job lands on all clients alike. Each round gives each client its wall time per request; the figure is
// the median over rounds, with the interquartile range. The ratio to ky is taken per round (the b2bkit batch
// against the ky batch of the same round, seconds apart) and its median reported: pairing cancels slow drift of
// the machine's load. Client CPU time per request (process.cpuUsage, the server is elsewhere) is reported beside
// it, as a check that is blind to waiting.
//
// Environment: BENCH_OVERHEAD_ROUNDS (10), BENCH_OVERHEAD_BATCH (1000): each client sends rounds × batch GETs per
// mode (10,000 by default), after a warm-up batch that is not counted.
import { forkOverheadServer } from '../internal/fork-server.ts'
import { createRunners } from '../internal/overhead-runners.ts'
import { type FigureRow, report } from '../internal/report.ts'
import { concurrency, type Mode, type Runner, runRounds, type Sample } from '../internal/rounds.ts'
import { formatSpread, median, spreadOf } from '../internal/statistics.ts'

const rounds = Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 10)
const batch = Number(process.env.BENCH_OVERHEAD_BATCH ?? 1000)
const target = 1.1

function rowsOf(mode: Mode, runners: readonly Runner[], samples: Map<string, Sample[]>): FigureRow[] {
  const kySamples = samples.get('ky') ?? []
  const rows: FigureRow[] = []
  for (const [name, list] of samples) {
    const wall = spreadOf(list.map((sample) => sample.wallMicroseconds))
    const cpu = spreadOf(list.map((sample) => sample.cpuMicroseconds))
    const pairedRatios = list.map(
      (sample, index) => sample.wallMicroseconds / (kySamples[index]?.wallMicroseconds ?? Number.NaN),
    )
    const ratio = spreadOf(pairedRatios)
    const cpuRatio = median(
      list.map((sample, index) => sample.cpuMicroseconds / (kySamples[index]?.cpuMicroseconds ?? 1)),
    )
    const isB2bkit = runners.find((runner) => runner.name === name)?.hasTarget === true
    rows.push({
      section: 'overhead',
      figure: `${mode === 'sequential' ? 'sequential' : `${concurrency} in flight`}: ${name}`,
      value: `${wall.median.toFixed(0)} µs/request, ${ratio.median.toFixed(2)}× ky`,
      ...(isB2bkit ? { target: `≤ ${target.toFixed(2)}× ky` } : {}),
      verdict: isB2bkit ? (ratio.median <= target ? 'met' : 'missed') : 'info',
      note:
        `wall µs/request ${formatSpread(wall, 0)}, paired ratio to ky ${formatSpread(ratio, 2)}; ` +
        `client CPU µs/request ${formatSpread(cpu, 0)} (${cpuRatio.toFixed(2)}× ky); ${rounds} rounds × ${batch}`,
      data: { mode, client: name, rounds, batch, wallMicroseconds: wall, ratioToKy: ratio, cpuMicroseconds: cpu },
    })
  }
  return rows
}

const server = await forkOverheadServer()
try {
  const runners = createRunners(server.baseUrl)
  const sequential = await runRounds(runners, { mode: 'sequential', rounds, batch, label: 'overhead sequential' })
  const concurrent = await runRounds(runners, { mode: 'concurrent', rounds, batch, label: 'overhead concurrent' })
  report([...rowsOf('sequential', runners, sequential), ...rowsOf('concurrent', runners, concurrent)])
} finally {
  server.stop()
}
