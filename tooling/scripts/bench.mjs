// `pnpm bench`: builds the packages, then runs apps/bench (every figure side by side, one table, results written to
// apps/bench/results/latest.json). A package that fails to build (work in progress) does not stop the run: the
// figures that need it say so. Arguments pick figures: `pnpm bench overhead size`.
import { spawnSync } from 'node:child_process'

const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--continue', '--output-logs=errors-only'], {
  stdio: 'inherit',
})
if (build.status !== 0) console.error('bench: some packages did not build; figures that need them will say so')
const run = spawnSync(process.execPath, ['apps/bench/src/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exitCode = run.status ?? 1
