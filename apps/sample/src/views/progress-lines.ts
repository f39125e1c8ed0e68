// The live view when stdout is not a terminal (a pipe, a CI log): plain lines, one per phase change, and one every
// few seconds while something moves, so a log shows progress without a wall of escapes.
import { providerTitles } from '../internal/failures.ts'
import { fraction, seconds } from '../internal/text-table.ts'
import { providerNames } from '../job-config.ts'
import type { JobProgress, StageName } from '../job-progress.ts'
import { type OutputStream, stageTitles } from './progress-panel.ts'

/** One line for a snapshot. */
export function renderLine(progress: JobProgress): string {
  const stages = Object.entries(stageTitles).map(([stage, title]) => {
    const { done, total } = progress.stages[stage as StageName]
    return `${title} ${fraction(done, total)}`
  })
  const providers = providerNames.map((name) => progress.providers[name])
  const sum = (field: keyof (typeof providers)[number]) => providers.reduce((total, stats) => total + stats[field], 0)
  const requests = providerNames.map((name) => `${providerTitles[name]} ${progress.providers[name].requests}`)
  const time = `[${seconds(progress.elapsedMs).padStart(7)}]`
  if (progress.phase === 'connecting') return `${time} connecting: listing open orders, checking every provider`
  return [
    `${time} ${progress.phase}: ${progress.orders.open} open + ${progress.orders.resumed} earlier`,
    ...stages,
    `requests ${sum('requests')} (${requests.join(', ')})`,
    `waiting ${sum('throttled')}`,
    `429s ${sum('tooManyRequests')}`,
    `retries ${sum('retries')}`,
    `token requests ${sum('tokenRequests')}`,
  ].join(' · ')
}

/** A view that prints a line at each phase change, and every `everyMs` (at most) while the counts move. */
export function createLineView(stream: OutputStream, everyMs = 2000, quietMs = 10_000) {
  let printedAt = Number.NEGATIVE_INFINITY
  let phase: JobProgress['phase'] | undefined
  let lastStages = ''
  return {
    update(progress: JobProgress) {
      const stages = JSON.stringify(progress.stages)
      const since = progress.elapsedMs - printedAt
      const due = progress.phase !== phase || (since >= everyMs && stages !== lastStages) || since >= quietMs
      if (!due) return
      stream.write(`${renderLine(progress)}\n`)
      printedAt = progress.elapsedMs
      phase = progress.phase
      lastStages = stages
    },
    close() {},
  }
}
