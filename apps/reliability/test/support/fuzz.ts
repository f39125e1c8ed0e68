// How hard the properties are pushed. CI runs a small number of cases per property; the nightly job sets
// B2BKIT_FUZZ_RUNS=10000 (or more). B2BKIT_FUZZ_SEED replays a failure that fast-check reported.
import type { Parameters } from 'fast-check'

const configuredRuns = Number(process.env.B2BKIT_FUZZ_RUNS)

/** Cases per property: B2BKIT_FUZZ_RUNS, else 200 (100 in CI for properties that go over HTTP). */
export function fuzzRuns(kind: 'pure' | 'http' = 'pure'): number {
  if (Number.isInteger(configuredRuns) && configuredRuns > 0) return configuredRuns
  return kind === 'pure' ? 200 : 100
}

/** fast-check parameters for one property. */
export function fuzzParameters<T>(kind: 'pure' | 'http' = 'pure'): Parameters<T> {
  const seed = Number(process.env.B2BKIT_FUZZ_SEED)
  return { numRuns: fuzzRuns(kind), ...(Number.isInteger(seed) ? { seed } : {}) }
}

/** A per-test timeout that grows with the number of runs (HTTP cases take up to a few milliseconds each). */
export function fuzzTimeoutMs(kind: 'pure' | 'http' = 'pure'): number {
  return 30_000 + fuzzRuns(kind) * (kind === 'http' ? 10 : 1)
}
