// The summary at the end of a run, as text: what was done (in this run, and all runs together from the state file),
// each provider's counters, the wall time.
import { providerTitles } from '../internal/failures.ts'
import { seconds, textTable } from '../internal/text-table.ts'
import { providerNames } from '../job-config.ts'
import type { JobSummary } from '../job-summary.ts'

const outcomeTitles: Record<JobSummary['outcome'], string> = {
  completed: 'completed',
  'completed-with-failures': 'completed, some orders failed',
  failed: 'failed',
  stopped: 'stopped',
}

/** The summary as lines of text. */
export function renderSummary(summary: JobSummary): string {
  const { orders, thisRun, allRuns } = summary
  const steps = textTable(
    [
      ['', 'this run', 'all runs'],
      ['orders shipped', String(thisRun.shipped), `${allRuns.shipped.done}/${allRuns.shipped.total}`],
      ['invoices sent', String(thisRun.invoiceSent), `${allRuns.invoiced.done}/${allRuns.invoiced.total}`],
      [
        'purchase orders placed',
        String(thisRun.purchaseOrderPlaced),
        `${allRuns.ordered.done}/${allRuns.ordered.total}`,
      ],
      ['proposals opened', String(thisRun.proposalOpened), ''],
      ['proposals updated', String(thisRun.proposalUpdated), `${allRuns.financed.done}/${allRuns.financed.total}`],
    ],
    ['left', 'right', 'right'],
  )
  const providers = textTable(
    [
      ['provider', 'requests', '429s', 'retries', 'token requests', 'no answer'],
      ...providerNames.map((name) => {
        const stats = summary.providers[name]
        return [
          providerTitles[name],
          String(stats.requests),
          String(stats.tooManyRequests),
          String(stats.retries),
          String(stats.tokenRequests),
          String(stats.failuresWithoutResponse),
        ]
      }),
    ],
    ['left', 'right', 'right', 'right', 'right', 'right'],
  )
  const failures = summary.failures.map((failure) => `  order ${failure.orderId}: ${failure.message}`)
  return [
    `b2bkit sample · ${outcomeTitles[summary.outcome]} in ${seconds(summary.wallTimeMs)} · ${summary.description}`,
    '',
    `  orders: ${orders.open} open on bol.com (${orders.pages} page${orders.pages === 1 ? '' : 's'}), ` +
      `${orders.resumed} from earlier runs · ${orders.completed} done, ${orders.failed} failed, ${orders.unfinished} unfinished`,
    '',
    ...steps,
    '',
    ...providers,
    '',
    ...(failures.length > 0 ? ['  failed orders (the next run tries them again):', ...failures, ''] : []),
    `  wall time ${seconds(summary.wallTimeMs)} · state file ${summary.stateFile}`,
  ].join('\n')
}
