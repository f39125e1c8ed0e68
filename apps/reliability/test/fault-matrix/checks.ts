// What every fault-matrix run must show afterwards, whatever the provider.
import type { WriteRecord } from '@b2bkit/emulator'
import { isB2bkitError } from '@b2bkit/http'
import { leaks, viewsOf } from '../support/secrets.js'
import type { MatrixResult, Outcome } from './harness.js'

/** Failed operations whose error is not a B2bkitError, as `name: error`. */
export function untypedFailures(outcomes: readonly Outcome[]): string[] {
  return outcomes
    .filter((outcome) => !outcome.ok && !isB2bkitError((outcome as { error: unknown }).error))
    .map((outcome) => `${outcome.name}: ${String((outcome as { error: unknown }).error)}`)
}

/**
 * Where a planted or observed secret shows: in any view of any error (message, toJSON(), util.inspect(), stack),
 * in a log line, or in another text the run produced (events, notices). As `label in where`.
 */
export function secretSightings(
  result: MatrixResult,
  secrets: ReadonlyMap<string, string>,
  otherTexts: readonly string[] = [],
): string[] {
  const texts: Array<[string, string]> = [
    ...result.outcomes.flatMap((outcome, index) =>
      outcome.ok ? [] : viewsOf(outcome.error).map((view): [string, string] => [`error of operation ${index}`, view]),
    ),
    ...result.logLines.map((line, index): [string, string] => [`log line ${index}`, line]),
    ...otherTexts.map((text, index): [string, string] => [`event ${index}`, text]),
  ]
  const sightings: string[] = []
  for (const [label, secret] of secrets) {
    const found = texts.find(([, text]) => leaks(text, secret))
    if (found !== undefined) sightings.push(`${label} in ${found[0]}: ${found[1].slice(0, 300)}`)
  }
  return sightings
}

/** Statuses that prove a write was not carried out, so sending it again is safe: unauthorised, rate limited. */
const refusedUnapplied = new Set([401, 429])

/**
 * POST and PATCH writes sent more than once when the provider offers no way to tell whether the first landed,
 * and any write applied twice. `deduplicated` tells the paths where a repeat is refused by the provider (a unique
 * reference), so sending again is the documented way to find out.
 */
export function repeatedWrites(
  writes: readonly WriteRecord[],
  deduplicated: (write: WriteRecord) => boolean,
): string[] {
  const byFingerprint = new Map<string, WriteRecord[]>()
  for (const write of writes) {
    if (write.method !== 'POST' && write.method !== 'PATCH') continue
    byFingerprint.set(write.fingerprint, [...(byFingerprint.get(write.fingerprint) ?? []), write])
  }
  const problems: string[] = []
  for (const sends of byFingerprint.values()) {
    const applied = sends.filter((write) => write.applied)
    const first = sends[0] as WriteRecord
    const describe = (write: WriteRecord) =>
      `#${write.writeId} ${write.status ?? 'reset'}${write.applied ? ' applied' : ''}`
    if (applied.length > 1)
      problems.push(`${first.method} ${first.path} applied ${applied.length}×: ${sends.map(describe).join(', ')}`)
    if (sends.length > 1 && !deduplicated(first)) {
      const blind = sends.slice(1).filter((_, index) => !refusedUnapplied.has(sends[index]?.status ?? 0))
      if (blind.length > 0)
        problems.push(`${first.method} ${first.path} sent again blindly: ${sends.map(describe).join(', ')}`)
    }
  }
  return problems
}

/** Counts by operation and by error code, for the log of the run. */
export function summary(result: MatrixResult): string {
  const byName = new Map<string, { ok: number; failed: number }>()
  const byCode = new Map<string, number>()
  for (const outcome of result.outcomes) {
    const entry = byName.get(outcome.name) ?? { ok: 0, failed: 0 }
    if (outcome.ok) entry.ok++
    else {
      entry.failed++
      const code = (outcome.error as { code?: unknown })?.code
      byCode.set(String(code ?? 'untyped'), (byCode.get(String(code ?? 'untyped')) ?? 0) + 1)
    }
    byName.set(outcome.name, entry)
  }
  const operations = [...byName].map(([name, { ok, failed }]) => `${name} ${ok}/${ok + failed}`).join(', ')
  const codes = [...byCode].map(([code, count]) => `${code} ${count}`).join(', ')
  return `${result.outcomes.length} operations in ${(result.elapsedMs / 1000).toFixed(1)} s; succeeded: ${operations}; failures by code: ${codes || 'none'}`
}

/** How many requests the emulator struck with each fault, and how many it refused as unauthorised (a dead token). */
export function injected(requests: ReadonlyArray<{ fault?: string | undefined; status?: number | undefined }>) {
  const count = (match: (request: (typeof requests)[number]) => boolean) => requests.filter(match).length
  return {
    requests: requests.length,
    errors: count((request) => request.fault === 'error'),
    resets: count((request) => request.fault === 'reset'),
    tokenOutage: count((request) => request.fault === 'token-outage'),
    unauthorized: count((request) => request.status === 401),
  }
}
