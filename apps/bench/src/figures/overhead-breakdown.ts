// Where the overhead comes from: the client CPU time per sequential GET of createClient() with each plugin alone,
// against createClient() with none, beside plain ky and plain ky with six afterResponse hooks that do nothing.
//
//   node --expose-gc apps/bench/src/figures/overhead-breakdown.ts        (after building the packages)
//
// Same server, method and interleaving as the overhead figure; CPU time rather than wall time, because it is the
// client's own work that a plugin adds. Environment: BENCH_BREAKDOWN_ROUNDS (6), BENCH_BREAKDOWN_BATCH (400).
import ky from 'ky'
import { forkOverheadServer } from '../internal/fork-server.ts'
import { b2bkitRunner, everyPlugin } from '../internal/overhead-runners.ts'
import { type FigureRow, report } from '../internal/report.ts'
import { type Runner, runRounds } from '../internal/rounds.ts'
import { formatSpread, median, spreadOf } from '../internal/statistics.ts'

const rounds = Number(process.env.BENCH_BREAKDOWN_ROUNDS ?? 6)
const batch = Number(process.env.BENCH_BREAKDOWN_BATCH ?? 400)
const bare = 'createClient(), no plugin'

function kyRunner(name: string, baseUrl: string, afterResponseHooks: number): Runner {
  const afterResponse = Array.from({ length: afterResponseHooks }, () => () => {})
  const api = ky.create({ baseUrl, hooks: { afterResponse } })
  return { name, get: (id) => api.get(`items/${id}`).json() }
}

const server = await forkOverheadServer()
try {
  const { baseUrl } = server
  const runners: Runner[] = [
    kyRunner('ky', baseUrl, 0),
    kyRunner('ky + 6 afterResponse hooks that do nothing', baseUrl, 6),
    b2bkitRunner(bare, baseUrl, []),
    ...everyPlugin(baseUrl).map((plugin) => b2bkitRunner(`createClient() + ${plugin.name}`, baseUrl, [plugin])),
    b2bkitRunner('createClient() + every plugin', baseUrl, everyPlugin(baseUrl)),
  ]
  const samples = await runRounds(runners, { mode: 'sequential', rounds, batch, label: 'overhead breakdown' })
  const cpuOf = (name: string) => (samples.get(name) ?? []).map((sample) => sample.cpuMicroseconds)
  const kyMedian = median(cpuOf('ky'))
  const bareMedian = median(cpuOf(bare))
  const rows: FigureRow[] = runners.map(({ name }) => {
    const cpu = spreadOf(cpuOf(name))
    const base = name.startsWith('createClient() +')
      ? { label: bare, value: bareMedian }
      : { label: 'ky', value: kyMedian }
    const added = cpu.median - base.value
    return {
      section: 'overhead breakdown',
      figure: name,
      value: `${cpu.median.toFixed(0)} µs CPU/request (${added >= 0 ? '+' : ''}${added.toFixed(0)} vs ${base.label})`,
      verdict: 'info',
      note: `CPU µs/request ${formatSpread(cpu, 0)}, ${(cpu.median / kyMedian).toFixed(2)}× ky; sequential, ${rounds} rounds × ${batch}`,
      data: { client: name, cpuMicroseconds: cpu, addedMicroseconds: added, comparedWith: base.label },
    }
  })
  report(rows)
} finally {
  server.stop()
}
