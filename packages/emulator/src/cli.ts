#!/usr/bin/env node
import { runCli } from './cli/run-cli.js'

// `b2bkit-emulator <provider|all> [options]`: starts emulators until SIGINT or SIGTERM.
const session = await runCli(process.argv.slice(2), {
  write: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
})
if (session) {
  const stop = () => {
    void session.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
