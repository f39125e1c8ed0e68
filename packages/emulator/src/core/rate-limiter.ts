import type { Clock } from './clock.js'
import { matchPath, methodMatches, specificity } from './path-pattern.js'

/**
 * One server-side rate-limit rule. The most specific rule that matches a request counts it
 * (literal path segments beat wildcards; a named method beats `*`).
 *
 * @example { method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 }
 */
export interface RateLimitRule {
  /** HTTP method, or `'*'` for any. @default '*' */
  method?: string
  /** Path pattern: `*` matches one segment, `**` (last) the rest, e.g. `/retailer/orders/*`. */
  path: string
  /** Requests allowed per interval. */
  limit: number
  /** Length of the interval in milliseconds. */
  intervalMs: number
  /**
   * `'sliding'`: a request counts for `intervalMs` after it arrived (bol, B2Brouter, SieSmart).
   * `'fixed'`: buckets aligned to the clock, counts reset at each boundary (Convictional's 1-second buckets).
   * @default 'sliding'
   */
  window?: 'sliding' | 'fixed'
}

/** The verdict on one request. */
export interface RateLimitDecision {
  /** The rule that counted it. */
  rule: RateLimitRule
  /** Whether the request may proceed. */
  allowed: boolean
  /** The rule's limit. */
  limit: number
  /** Requests left in the current window after this one. */
  remaining: number
  /** Milliseconds until the window frees a slot (sliding) or resets (fixed). */
  resetMs: number
}

/** Counts requests per rule (and per client key) and decides whether each may proceed. */
export class RateLimiter {
  private rules: RateLimitRule[]
  private readonly history = new Map<string, number[]>()

  constructor(
    rules: readonly RateLimitRule[],
    private readonly clock: Clock,
    private readonly defaults: readonly RateLimitRule[] = [],
  ) {
    this.rules = [...rules]
  }

  /** A limiter with a provider's default rules, configured by the `rateLimits` option. */
  static configured(
    defaults: readonly RateLimitRule[],
    option: RateLimitOption | undefined,
    clock: Clock,
  ): RateLimiter {
    return new RateLimiter(resolveRateLimitRules(defaults, option), clock, defaults)
  }

  /** Applies a `rateLimits` option over the default rules this limiter was made with. */
  configure(option: RateLimitOption | undefined): void {
    this.setRules(resolveRateLimitRules(this.defaults, option))
  }

  /** Replaces the rules and forgets what was counted. */
  setRules(rules: readonly RateLimitRule[]): void {
    this.rules = [...rules]
    this.history.clear()
  }

  /** The rules in force. */
  get currentRules(): readonly RateLimitRule[] {
    return this.rules
  }

  /** The most specific rule for a request, if any. */
  ruleFor(method: string, path: string): { rule: RateLimitRule; index: number } | undefined {
    let best: { rule: RateLimitRule; index: number; score: number } | undefined
    this.rules.forEach((rule, index) => {
      if (!methodMatches(rule.method, method) || !matchPath(rule.path, path)) return
      const score = specificity(rule.path) * 2 + (rule.method && rule.method !== '*' ? 1 : 0)
      if (!best || score > best.score) best = { rule, index, score }
    })
    return best && { rule: best.rule, index: best.index }
  }

  /** Counts the request when allowed; `undefined` when no rule applies. */
  check(method: string, path: string, clientKey = ''): RateLimitDecision | undefined {
    return this.decide(method, path, clientKey, true)
  }

  /** The state a request would see, without counting it (for the headers of refused requests). */
  peek(method: string, path: string, clientKey = ''): RateLimitDecision | undefined {
    return this.decide(method, path, clientKey, false)
  }

  private decide(method: string, path: string, clientKey: string, count: boolean): RateLimitDecision | undefined {
    const match = this.ruleFor(method, path)
    if (!match) return undefined
    const { rule } = match
    const now = this.clock.now()
    const key = `${match.index}\u0000${clientKey}`
    if (rule.window === 'fixed') {
      const windowStart = Math.floor(now / rule.intervalMs) * rule.intervalMs
      const bucketKey = `${key}\u0000${windowStart}`
      const arrivals = this.history.get(bucketKey) ?? []
      const allowed = arrivals.length < rule.limit
      if (allowed && count) this.history.set(bucketKey, [...arrivals, now])
      this.history.delete(`${key}\u0000${windowStart - rule.intervalMs}`)
      const used = allowed && count ? arrivals.length + 1 : arrivals.length
      return {
        rule,
        allowed,
        limit: rule.limit,
        remaining: rule.limit - used,
        resetMs: windowStart + rule.intervalMs - now,
      }
    }
    const arrivals = (this.history.get(key) ?? []).filter((time) => time > now - rule.intervalMs)
    const allowed = arrivals.length < rule.limit
    if (allowed && count) arrivals.push(now)
    this.history.set(key, arrivals)
    const oldest = arrivals[0] ?? now
    return {
      rule,
      allowed,
      limit: rule.limit,
      remaining: rule.limit - arrivals.length,
      resetMs: Math.max(0, oldest + rule.intervalMs - now),
    }
  }
}

/**
 * How the `rateLimits` option is given: `false` turns limits off; a list of rules is added to the provider's
 * defaults (a rule with the same method and path replaces the default one); `{ rules, includeDefaults: false }`
 * uses only your rules.
 */
export type RateLimitOption =
  | false
  | readonly RateLimitRule[]
  | { rules?: readonly RateLimitRule[]; includeDefaults?: boolean }

/** Combines a provider's default rules with the `rateLimits` option. */
export function resolveRateLimitRules(
  defaults: readonly RateLimitRule[],
  option: RateLimitOption | undefined,
): RateLimitRule[] {
  if (option === false) return []
  const given =
    option === undefined ? [] : Array.isArray(option) ? option : ((option as { rules?: RateLimitRule[] }).rules ?? [])
  const includeDefaults =
    Array.isArray(option) || option === undefined || (option as { includeDefaults?: boolean }).includeDefaults !== false
  const sameRule = (a: RateLimitRule, b: RateLimitRule) =>
    (a.method ?? '*').toUpperCase() === (b.method ?? '*').toUpperCase() && a.path === b.path
  const kept = includeDefaults ? defaults.filter((rule) => !given.some((own) => sameRule(own, rule))) : []
  return [...kept, ...given]
}
