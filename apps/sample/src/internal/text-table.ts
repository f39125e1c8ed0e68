// Small text helpers shared by the progress views and the summary: columns, bars, durations.

/** How a column lines up. */
export type Align = 'left' | 'right'

/** Lines up rows in columns, two spaces apart; the first row is usually the header. */
export function textTable(rows: readonly (readonly string[])[], align: readonly Align[], indent = '  '): string[] {
  const widths = align.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)))
  return rows.map(
    (row) =>
      indent +
      align
        .map((side, column) => {
          const cell = row[column] ?? ''
          const room = (widths[column] ?? 0) - [...cell].length
          return side === 'right' ? ' '.repeat(room) + cell : cell + ' '.repeat(room)
        })
        .join('  ')
        .trimEnd(),
  )
}

/** A bar of `width` cells, filled for `done` out of `total`. */
export function bar(done: number, total: number, width: number): string {
  const filled = total === 0 ? 0 : Math.round((Math.min(done, total) / total) * width)
  return '█'.repeat(filled) + '░'.repeat(width - filled)
}

/** Milliseconds as seconds with one decimal: `12.3 s`. */
export const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`

/** `done/total`. */
export const fraction = (done: number, total: number) => `${done}/${total}`
