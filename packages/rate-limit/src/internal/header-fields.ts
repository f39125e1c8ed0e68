import { redactText } from '@b2bkit/http'
import { type FieldMember, parseFieldMembers } from './structured-fields.js'

/** The most requests a header may announce; larger values are clamped. */
const maxCount = 1_000_000_000
/** The furthest ahead a reset or Retry-After may point; later times are clamped to this. */
const maxAheadMs = 86_400_000
/** Reset values at or above this are epoch seconds (GitHub, Twitter), below it delta seconds (bol, IETF). */
const epochSecondsThreshold = 1_000_000_000
const epochMillisecondsThreshold = 1_000_000_000_000
const decimalPattern = /^\d+(?:\.\d+)?$/
const durationPattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i
const imfDatePattern = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Some of a quota: what one spelling of the headers told. */
export interface Quota {
  limit?: number | undefined
  remaining?: number | undefined
  resetAt?: number | undefined
  windowMs?: number | undefined
}

/** Reads single header values, recording what it had to drop or clamp. */
export class FieldReader {
  constructor(
    private readonly headers: Headers,
    private readonly now: number,
    private readonly problems: string[],
  ) {}

  /** The first element of a header (repeated headers arrive joined by commas). */
  private raw(name: string): string | undefined {
    const value = this.headers.get(name)
    if (value === null) return undefined
    return (value.split(',')[0] ?? '').split(';')[0]?.trim()
  }

  private report(name: string, value: string, what: string): undefined {
    this.problems.push(`${name}: ${JSON.stringify(redactText(value.slice(0, 40)))} ${what}`)
    return undefined
  }

  count(name: string, value = this.raw(name)): number | undefined {
    if (value === undefined) return undefined
    if (!decimalPattern.test(value)) return this.report(name, value, 'is not a non-negative number; ignored')
    const count = Math.floor(Number(value))
    if (count > maxCount) {
      this.report(name, value, `is too large; clamped to ${maxCount}`)
      return maxCount
    }
    return count
  }

  /** A reset given as delta seconds, epoch seconds or epoch milliseconds. */
  reset(name: string, value = this.raw(name)): number | undefined {
    if (value === undefined) return undefined
    if (!decimalPattern.test(value)) return this.report(name, value, 'is not a number of seconds; ignored')
    const number = Number(value)
    if (number >= epochMillisecondsThreshold) return this.clampTime(name, value, number)
    if (number >= epochSecondsThreshold) return this.clampTime(name, value, number * 1000)
    return this.clampTime(name, value, this.now + number * 1000)
  }

  duration(name: string, value = this.raw(name), defaultUnit = 's'): number | undefined {
    if (value === undefined) return undefined
    const match = durationPattern.exec(value)
    if (match === null) return this.report(name, value, 'is not a duration; ignored')
    const milliseconds = Number(match[1]) * (unitMs[(match[2] ?? defaultUnit).toLowerCase()] ?? 1000)
    if (milliseconds < 1) return this.report(name, value, 'is shorter than a millisecond; ignored')
    if (milliseconds > maxAheadMs) {
      this.report(name, value, 'is longer than a day; clamped to a day')
      return maxAheadMs
    }
    return milliseconds
  }

  /** The `w` parameter of an older draft's `RateLimit-Limit: 10, 10;w=1`. */
  inlineWindow(name: string): number | undefined {
    const field = this.headers.get(name)
    if (field === null) return undefined
    const window = parseFieldMembers(field)
      .find((member) => member.parameters.has('w'))
      ?.parameters.get('w')
    return window === undefined ? undefined : this.duration(name, window)
  }

  retryAfter(): number | undefined {
    const value = this.headers.get('retry-after')?.trim()
    if (value === undefined) return undefined
    if (decimalPattern.test(value)) return this.clampTime('retry-after', value, this.now + Number(value) * 1000)
    const date = imfDatePattern.test(value) ? Date.parse(value) : Number.NaN
    if (Number.isNaN(date)) return this.report('retry-after', value, 'is neither seconds nor an HTTP date; ignored')
    return this.clampTime('retry-after', value, date)
  }

  private clampTime(name: string, value: string, time: number): number {
    if (!Number.isFinite(time) || time > this.now + maxAheadMs) {
      this.report(name, value, 'is more than a day ahead; clamped to a day')
      return this.now + maxAheadMs
    }
    if (time < this.now) {
      this.report(name, value, 'is in the past; using now')
      return this.now
    }
    return time
  }

  /** The IETF structured fields: `RateLimit` with `RateLimit-Policy`, in the draft's list or dictionary form. */
  structured(): Quota {
    const policies = this.policies()
    const field = this.headers.get('ratelimit')
    const states = field === null ? [] : this.states(parseFieldMembers(field))
    if (states.length === 0) {
      // No current state: the policy with the fewest requests is the one a client runs into first.
      return policies.reduce<Quota>(
        (best, policy) => (best.limit === undefined || (policy.limit ?? maxCount) < best.limit ? policy : best),
        {},
      )
    }
    // The quota closest to running out governs what may be sent now.
    const state = states.reduce((best, candidate) =>
      (candidate.remaining ?? maxCount) < (best.remaining ?? maxCount) ? candidate : best,
    )
    const policy =
      policies.find((candidate) => candidate.name === state.name) ?? (policies.length === 1 ? policies[0] : undefined)
    return {
      limit: state.limit ?? policy?.limit,
      remaining: state.remaining,
      resetAt: state.resetAt,
      windowMs: policy?.windowMs,
    }
  }

  private policies(): (Quota & { name: string | undefined })[] {
    const field = this.headers.get('ratelimit-policy')
    if (field === null) return []
    return parseFieldMembers(field).map((member) => {
      const numeric = decimalPattern.test(member.value)
      const quota = member.parameters.get('q') ?? (numeric ? member.value : undefined)
      const window = member.parameters.get('w')
      return {
        name: numeric ? undefined : member.value,
        limit: quota === undefined ? undefined : this.count('ratelimit-policy', quota),
        windowMs: window === undefined ? undefined : this.duration('ratelimit-policy', window),
      }
    })
  }

  private states(members: FieldMember[]): (Quota & { name: string | undefined })[] {
    if (members.some((member) => member.key !== undefined)) {
      // The older dictionary form: `limit=10, remaining=5, reset=30`.
      const entry = (key: string) => members.find((member) => member.key === key)?.value
      const limit = entry('limit')
      const remaining = entry('remaining')
      const reset = entry('reset')
      return [
        {
          name: undefined,
          limit: limit === undefined ? undefined : this.count('ratelimit', limit),
          remaining: remaining === undefined ? undefined : this.count('ratelimit', remaining),
          resetAt: reset === undefined ? undefined : this.reset('ratelimit', reset),
        },
      ]
    }
    return members.map((member) => {
      const remaining = member.parameters.get('r')
      const reset = member.parameters.get('t')
      return {
        name: member.value,
        remaining: remaining === undefined ? undefined : this.count('ratelimit', remaining),
        resetAt: reset === undefined ? undefined : this.reset('ratelimit', reset),
      }
    })
  }
}
