// The live view on a terminal: a compact panel redrawn in place a few times a second with ANSI escapes (cursor up,
// clear to the end of the screen), no library. Bars per stage, then each provider's counters.
import { providerTitles } from '../internal/failures.ts'
import { bar, fraction, seconds, textTable } from '../internal/text-table.ts'
import { providerNames } from '../job-config.ts'
import type { JobProgress, StageName } from '../job-progress.ts'

/** The stages as the views name them. */
export const stageTitles: Record<StageName, string> = {
  shipped: 'orders shipped',
  invoiced: 'invoices sent',
  ordered: 'purchase orders',
  financed: 'proposals',
}

const phaseTitles = { connecting: 'connecting', processing: 'processing', finished: 'finished' } as const

/** The panel's lines for a snapshot, fitted to `columns`. */
export function renderPanel(progress: JobProgress, columns = 80): string[] {
  const { orders } = progress
  const barWidth = Math.max(10, Math.min(32, columns - 40))
  const stages = Object.entries(stageTitles).map(([stage, title]) => {
    const { done, total } = progress.stages[stage as StageName]
    return [title, bar(done, total, barWidth), fraction(done, total)]
  })
  const providers = providerNames.map((name) => {
    const stats = progress.providers[name]
    const tokens = name === 'bol' || name === 'siesmart' ? String(stats.tokenRequests) : '–'
    return [
      providerTitles[name],
      String(stats.requests),
      String(stats.throttled),
      String(stats.tooManyRequests),
      String(stats.retries),
      tokens,
    ]
  })
  const listing =
    progress.phase === 'connecting' && orders.pages === 0
      ? 'listing open orders, checking every provider'
      : `${orders.open} open (${orders.pages} page${orders.pages === 1 ? '' : 's'}) · ${orders.resumed} earlier · ${orders.failed} failed`
  const lines = [
    `b2bkit sample · order to invoice · ${progress.description}`,
    `${phaseTitles[progress.phase]} · ${seconds(progress.elapsedMs)} · ${listing}`,
    '',
    ...textTable(stages, ['left', 'left', 'right']),
    '',
    ...textTable(
      [['provider', 'requests', 'waiting', '429s', 'retries', 'tokens'], ...providers],
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  ]
  return lines.map((line) => ([...line].length > columns ? `${[...line].slice(0, columns - 1).join('')}…` : line))
}

/** Where the views write: `process.stdout` or a test's stand-in. */
export interface OutputStream {
  write(text: string): unknown
  isTTY?: boolean | undefined
  columns?: number | undefined
}

const hideCursor = '\u001b[?25l'
const showCursor = '\u001b[?25h'
const clearBelow = '\u001b[J'
const cursorUp = (lines: number) => (lines > 0 ? `\u001b[${lines}A\r` : '\r')

/**
 * A view that redraws the panel in place at most every `intervalMs`; `close()` clears it (the summary takes its place)
 * and shows the cursor again.
 */
export function createPanelView(stream: OutputStream, intervalMs = 100) {
  let drawnLines = 0
  let drawnAt = Number.NEGATIVE_INFINITY
  let latest: JobProgress | undefined
  const draw = () => {
    if (latest === undefined) return
    const lines = renderPanel(latest, stream.columns ?? 80)
    stream.write(`${drawnLines === 0 ? hideCursor : cursorUp(drawnLines)}${clearBelow}${lines.join('\n')}\n`)
    drawnLines = lines.length
    drawnAt = Date.now()
  }
  return {
    update(progress: JobProgress) {
      latest = progress
      if (progress.phase === 'finished' || Date.now() - drawnAt >= intervalMs) draw()
    },
    close() {
      if (drawnLines > 0) stream.write(`${cursorUp(drawnLines)}${clearBelow}${showCursor}`)
      drawnLines = 0
    },
  }
}
