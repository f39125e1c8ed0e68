import { ConfigurationError } from '@b2bkit/http'

/** `value`, checked to be a positive finite number of milliseconds (or `Infinity` when allowed). */
export function positiveMs(option: string, value: number, allowInfinity = false): number {
  if (typeof value !== 'number' || !(value > 0) || (!allowInfinity && !Number.isFinite(value))) {
    throw new ConfigurationError(
      option,
      `must be a positive number of milliseconds${allowInfinity ? ' (or Infinity)' : ''}`,
    )
  }
  return value
}

/** `value`, checked to be a whole number at least `minimum`. */
export function wholeNumber(option: string, value: number, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new ConfigurationError(option, `must be a whole number from ${minimum} to ${maximum}`)
  }
  return value
}
