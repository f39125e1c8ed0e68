import type { FigureRow } from './report.ts'

const columns = ['section', 'figure', 'value', 'target', 'verdict'] as const

/** The rows as a plain-text table, one line per row, with each row's note indented below it. */
export function formatTable(rows: readonly FigureRow[]): string {
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')))
  const widths = columns.map((title, index) => Math.max(title.length, ...cells.map((line) => line[index]?.length ?? 0)))
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => value.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd()
  const output = [line(columns), line(widths.map((width) => '-'.repeat(width)))]
  for (const [index, row] of rows.entries()) {
    output.push(line(cells[index] ?? []))
    if (row.note !== undefined) output.push(`    ${row.note}`)
  }
  return output.join('\n')
}
