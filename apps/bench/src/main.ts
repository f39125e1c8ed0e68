// `pnpm bench`: runs every figure, one after the other, each in a Node process of its own (so one's memory, timers
// and JIT state do not disturb the next), prints one table and writes it to results/latest.json. Then it runs any
// bench script the packages still keep (packages/*/bench/*.ts) and prints their output below the table.
//
//   node apps/bench/src/main.ts [figure …]        (after building; `pnpm bench` builds first)
//
// Benchmarks report; they do not fail CI: the exit code is non-zero only when a figure script itself crashed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FigureRow } from './internal/report.ts'
import { formatTable } from './internal/table.ts'

const figures = [
  'overhead',
  'overhead-isolated',
  'overhead-breakdown',
  'quota-use',
  'token-economy',
  'poll-economy',
  'fleet',
  'memory',
  'size',
] as const
// Package bench scripts whose figure is in the table already (run here by a figure of our own).
const foldedIn = new Set(['packages/redis/bench/fleet.ts'])
const root = fileURLToPath(new URL('../../../', import.meta.url))
const resultsFile = fileURLToPath(new URL('../results/latest.json', import.meta.url))

interface ScriptRun {
  script: string
  exitCode: number | null
  seconds: number
  output?: string
}

const chosen = process.argv.slice(2)
const unknown = chosen.filter((name) => !(figures as readonly string[]).includes(name))
if (unknown.length > 0) {
  console.error(`unknown figure(s): ${unknown.join(', ')}; choose from ${figures.join(', ')}`)
  process.exit(2)
}
const startedAt = new Date()
const loadBefore = loadavg()
const scratch = mkdtempSync(join(tmpdir(), 'b2bkit-bench-'))
const rows: FigureRow[] = []
const runs: ScriptRun[] = []

for (const figure of chosen.length > 0 ? chosen : figures) {
  const script = fileURLToPath(new URL(`./figures/${figure}.ts`, import.meta.url))
  const reportFile = join(scratch, `${figure}.json`)
  console.error(`\n== ${figure}`)
  const began = performance.now()
  const result = spawnSync(process.execPath, ['--expose-gc', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_REPORT_FILE: reportFile },
  })
  const seconds = (performance.now() - began) / 1000
  runs.push({ script: `apps/bench/src/figures/${figure}.ts`, exitCode: result.status, seconds })
  if (result.status === 0 && existsSync(reportFile)) {
    rows.push(...(JSON.parse(readFileSync(reportFile, 'utf8')) as FigureRow[]))
  } else {
    rows.push({
      section: figure,
      figure: 'the figure script',
      value: `crashed (exit ${result.status})`,
      verdict: 'missed',
    })
  }
}
rmSync(scratch, { recursive: true, force: true })

// Bench scripts the packages keep (provider bursts and the like) run as they are; their output follows the table.
const packageScripts =
  chosen.length > 0
    ? []
    : readdirSync(join(root, 'packages'))
        .map((name) => join('packages', name, 'bench'))
        .filter((folder) => existsSync(join(root, folder)))
        .flatMap((folder) =>
          readdirSync(join(root, folder))
            .filter((file) => /\.(ts|mjs|js)$/.test(file) && !file.startsWith('_') && !file.includes('.helper.'))
            .map((file) => join(folder, file)),
        )
        .filter((script) => !foldedIn.has(script))
for (const script of packageScripts) {
  console.error(`\n== ${script}`)
  const began = performance.now()
  const result = spawnSync(process.execPath, [script], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const run = { script, exitCode: result.status, seconds: (performance.now() - began) / 1000, output: result.stdout }
  runs.push(run)
  rows.push({
    section: 'package benches',
    figure: script,
    value: result.status === 0 ? 'ran (output below)' : `failed (exit ${result.status})`,
    verdict: 'info',
  })
}

console.log(`\n${formatTable(rows)}`)
for (const run of runs.filter((each) => each.output !== undefined)) console.log(`\n== ${run.script}\n${run.output}`)
const missed = rows.filter((row) => row.verdict === 'missed').length
console.log(`\n${rows.filter((row) => row.verdict === 'met').length} targets met, ${missed} missed`)

mkdirSync(join(resultsFile, '..'), { recursive: true })
const summary = {
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  loadAverageBefore: loadBefore,
  loadAverageAfter: loadavg(),
  commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
  runs,
  rows,
}
writeFileSync(resultsFile, `${JSON.stringify(summary, null, 2)}\n`)
console.log(`written to apps/bench/results/latest.json`)
process.exitCode = runs.some((run) => run.exitCode !== 0 && !run.script.startsWith('packages/')) ? 1 : 0
