// Runs every benchmark script the packages have (packages/*/bench/*.ts and bench/*.ts), one after the other,
// each in its own Node process so one's memory and timers do not disturb the next. Packages must be built.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const folders = [
  ...readdirSync('packages').map((name) => join('packages', name, 'bench')),
  ...(existsSync('bench') ? ['bench'] : []),
]
const scripts = folders
  .filter((folder) => existsSync(folder))
  .flatMap((folder) =>
    readdirSync(folder)
      .filter((file) => /\.(ts|mjs|js)$/.test(file) && !file.includes('.helper.') && !file.startsWith('_'))
      .map((file) => join(folder, file)),
  )
if (scripts.length === 0) console.log('No benchmarks yet.')
let failures = 0
for (const script of scripts) {
  console.log(`\n== ${script}`)
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' })
  if (result.status !== 0) failures++
}
process.exitCode = failures > 0 ? 1 : 0
