// Overhead with each client alone in a Node process of its own: plain ky, createClient() with no plugin, and
// createClient() with every plugin. The overhead figure runs its five clients side by side in one process, which is
// what the issue asks for; there they share the JIT's view of ky's code and the garbage collector. This figure shows
// what one application with one client pays.
//
//   node --expose-gc apps/bench/src/figures/overhead-isolated.ts        (after building the packages)
//
// Every round starts one process per client and mode, in an order rotated from round to round; each process warms
// up with one batch, then times one. Environment: BENCH_ISOLATED_ROUNDS (5), BENCH_ISOLATED_BATCH (3000).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import ky from 'ky'
import { forkOverheadServer } from '../internal/fork-server.ts'
import { b2bkitRunner, everyPlugin } from '../internal/overhead-runners.ts'
import { type FigureRow, progress, report } from '../internal/report.ts'
import { type Mode, type Runner, runBatch, type Sample } from '../internal/rounds.ts'
import { formatSpread, median, spreadOf } from '../internal/statistics.ts'

const rounds = Number(process.env.BENCH_ISOLATED_ROUNDS ?? 5)
const batch = Number(process.env.BENCH_ISOLATED_BATCH ?? 3000)
const clients = ['ky', 'createClient(), no plugin', 'b2bkit (every plugin)'] as const
type Client = (typeof clients)[number]
const modes: readonly Mode[] = ['sequential', 'concurrent']

function runnerFor(client: Client, baseUrl: string): Runner {
  if (client === 'ky') {
    const api = ky.create({ baseUrl })
    return { name: client, get: (id) => api.get(`items/${id}`).json() }
  }
  return b2bkitRunner(client, baseUrl, client === 'b2bkit (every plugin)' ? everyPlugin(baseUrl) : [])
}

// A child: one client, one mode; prints its timed batch as JSON.
if (process.argv[2] === '--child') {
  const [client, mode, baseUrl] = process.argv.slice(3) as [Client, Mode, string]
  const runner = runnerFor(client, baseUrl)
  await runBatch(runner, mode, batch, 0)
  console.log(JSON.stringify(await runBatch(runner, mode, batch, batch)))
  process.exit(0)
}

const script = fileURLToPath(import.meta.url)
const server = await forkOverheadServer()
try {
  const rows: FigureRow[] = []
  for (const mode of modes) {
    const samples = new Map<Client, Sample[]>(clients.map((client) => [client, []]))
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < clients.length; turn++) {
        const client = clients[(round + turn) % clients.length] as Client
        const child = spawnSync(process.execPath, ['--expose-gc', script, '--child', client, mode, server.baseUrl], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        })
        if (child.status !== 0) throw new Error(`${client} (${mode}) exited with ${child.status}`)
        samples.get(client)?.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Sample)
      }
      progress(`overhead isolated ${mode}: round ${round + 1}/${rounds}`)
    }
    const kyWall = samples.get('ky')?.map((sample) => sample.wallMicroseconds) ?? []
    for (const client of clients) {
      const own = samples.get(client) ?? []
      const wall = spreadOf(own.map((sample) => sample.wallMicroseconds))
      const cpu = spreadOf(own.map((sample) => sample.cpuMicroseconds))
      // Each round's ratio to ky's process of the same round.
      const ratios = spreadOf(own.map((sample, index) => sample.wallMicroseconds / (kyWall[index] ?? Number.NaN)))
      rows.push({
        section: 'overhead, isolated',
        figure: `${mode === 'sequential' ? 'sequential' : '64 in flight'}: ${client}, alone in its process`,
        value: `${wall.median.toFixed(0)} µs/request, ${ratios.median.toFixed(2)}× ky`,
        verdict: 'info',
        note: `wall µs/request ${formatSpread(wall, 0)}, paired ratio to ky ${formatSpread(ratios, 2)}; client CPU µs/request ${formatSpread(cpu, 0)}; ${rounds} processes × ${batch} after a warm-up batch of ${batch}`,
        data: {
          client,
          mode,
          wallMicroseconds: wall,
          cpuMicroseconds: cpu,
          ratioToKy: ratios,
          medianKy: median(kyWall),
        },
      })
    }
  }
  report(rows)
} finally {
  server.stop()
}
