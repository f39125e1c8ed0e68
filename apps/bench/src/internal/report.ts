// How a figure script hands its rows to the runner: the runner passes a file path in BENCH_REPORT_FILE and reads
// the rows back; a script run on its own prints its rows as a table instead.
import { writeFileSync } from 'node:fs'
import { formatTable } from './table.ts'

/** Whether a figure meets its target. `info` rows have no target. */
export type Verdict = 'met' | 'missed' | 'info' | 'pending'

/** One line of the results table. */
export interface FigureRow {
  /** The heading the figure belongs to: `overhead`, `quota use`, `memory`, … */
  section: string
  /** What was measured, in a few words. */
  figure: string
  /** The measured value, formatted for reading. */
  value: string
  /** The target, when the issue sets one. */
  target?: string
  verdict: Verdict
  /** Method, spread, caveats. */
  note?: string
  /** The raw numbers behind the row, for the JSON file. */
  data?: Record<string, unknown>
}

/** Hands `rows` to the runner, or prints them when the script runs on its own. */
export function report(rows: readonly FigureRow[]): void {
  const file = process.env.BENCH_REPORT_FILE
  if (file === undefined || file === '') {
    console.log(`\n${formatTable(rows)}`)
    return
  }
  writeFileSync(file, JSON.stringify(rows))
}

/** Progress for the reader of a long run, on stderr so it never mixes with a report. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`)
}
