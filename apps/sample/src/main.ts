// The command line: `pnpm demo` from the repository root, or `node src/main.ts` here (Node ≥ 22.18 runs the
// TypeScript as it is). Ctrl+C stops the job cleanly (what was confirmed stays in the state file); a second Ctrl+C
// exits at once.
import { runCli } from './cli.ts'

const controller = new AbortController()
process.once('SIGTERM', () => controller.abort(new Error('terminated (SIGTERM)')))
process.once('SIGINT', () => {
  controller.abort(new Error('interrupted (Ctrl+C)'))
  process.once('SIGINT', () => {
    if (process.stdout.isTTY) process.stdout.write('\u001b[?25h') // the live panel hid the cursor
    process.exit(130)
  })
})

process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
})
