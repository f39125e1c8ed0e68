// Runs publint and @arethetypeswrong/cli on every published package (packages/*), four at a time,
// and exits non-zero when any of them reports a problem. Packages must be built first.
import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)
const packages = readdirSync('packages').map((name) => `packages/${name}`)

async function check(directory) {
  const problems = []
  for (const [command, args] of [
    ['publint', ['--strict', directory]],
    ['attw', ['--pack', directory, '--profile', 'esm-only', '--format', 'ascii']],
  ]) {
    try {
      await run(command, args, { maxBuffer: 16 * 1024 * 1024 })
    } catch (error) {
      problems.push(`${command} ${directory}\n${error.stdout ?? ''}${error.stderr ?? ''}`)
    }
  }
  return problems
}

const results = []
for (let index = 0; index < packages.length; index += 4) {
  results.push(...(await Promise.all(packages.slice(index, index + 4).map(check))))
}
const problems = results.flat()
for (const problem of problems) console.error(problem)
console.log(
  `publint + attw: ${packages.length - new Set(problems.map((p) => p.split('\n')[0].split(' ')[1])).size} of ${packages.length} packages clean`,
)
process.exitCode = problems.length > 0 ? 1 : 0
