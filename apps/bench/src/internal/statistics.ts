// Order statistics for repeated measurements. Medians, not means: one round disturbed by another job on a shared
// machine moves a mean, not a median.

/** The `q`-quantile (0…1) of `values`, linearly interpolated; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((left, right) => left - right)
  const position = (sorted.length - 1) * q
  const lower = Math.floor(position)
  const upper = Math.ceil(position)
  const lowerValue = sorted[lower] as number
  return lowerValue + ((sorted[upper] as number) - lowerValue) * (position - lower)
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** Median, interquartile range and extremes of a list of measurements. */
export interface Spread {
  median: number
  p25: number
  p75: number
  min: number
  max: number
  count: number
}

/** The spread of `values`. */
export function spreadOf(values: readonly number[]): Spread {
  return {
    median: median(values),
    p25: quantile(values, 0.25),
    p75: quantile(values, 0.75),
    min: Math.min(...values),
    max: Math.max(...values),
    count: values.length,
  }
}

/** `12.3 (IQR 11.9–12.8)` with `digits` decimals. */
export function formatSpread(spread: Spread, digits = 1): string {
  return `${spread.median.toFixed(digits)} (IQR ${spread.p25.toFixed(digits)}–${spread.p75.toFixed(digits)})`
}
