import { ConfigurationError } from '@b2bkit/http'

/**
 * A limit the provider documents for some requests: at most `limit` requests per `intervalMs`, for requests whose
 * method and path match. When several rules match a request, the most specific one wins, as bol.com documents.
 *
 * @example
 * ```ts
 * const rules: RateLimitRule[] = [
 *   { method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 },
 *   { method: 'GET', path: '/retailer/orders/*', limit: 8, intervalMs: 60_000 },
 *   { method: 'PUT', path: '/retailer/orders/cancellation', limit: 25, intervalMs: 60_000 },
 * ]
 * ```
 */
export interface RateLimitRule {
  /**
   * The HTTP method the rule applies to, in any case.
   * @default every method
   */
  method?: string | undefined
  /**
   * The URL path the rule applies to. A segment `*` (or `{name}`, or `:name`) matches any one segment; `**` matches
   * any number of segments, including none. The query string is never part of the match.
   */
  path: string
  /** How many requests the provider allows per interval: a positive integer. */
  limit: number
  /** The length of the provider's window in milliseconds. */
  intervalMs: number
  /**
   * The rule's name in events, statistics and store keys.
   * @default `${method ?? '*'} ${path}`, such as `'GET /retailer/orders/*'`
   */
  name?: string | undefined
}

/**
 * The limit for requests that match no rule: one budget that all of them share (B2Brouter's 1,000 per minute,
 * SieSmart's 100 per minute per IP).
 *
 * @example
 * ```ts
 * const defaultRule: DefaultRateLimitRule = { limit: 1000, intervalMs: 60_000 }
 * ```
 */
export interface DefaultRateLimitRule {
  /** How many requests the provider allows per interval: a positive integer. */
  limit: number
  /** The length of the provider's window in milliseconds. */
  intervalMs: number
  /**
   * The rule's name in events, statistics and store keys.
   * @default 'default'
   */
  name?: string | undefined
}

/** A rule ready to match: its key, its budget and how specific it is. */
export interface CompiledRule {
  readonly key: string
  readonly limit: number
  readonly intervalMs: number
  readonly method: string | undefined
  readonly segments: readonly string[]
  readonly specificity: readonly number[]
}

const methodPattern = /^[A-Za-z]+$/

/** Checks every rule and turns it into a matcher. Throws a ConfigurationError that names the faulty option. */
export function compileRules(rules: unknown): CompiledRule[] {
  if (rules === undefined) return []
  if (!Array.isArray(rules))
    throw new ConfigurationError('rules', 'must be an array of { method, path, limit, intervalMs }')
  const compiled = rules.map((rule: unknown, index) => compileRule(rule, index))
  const seen = new Set<string>()
  for (const [index, rule] of compiled.entries()) {
    if (seen.has(rule.key)) throw new ConfigurationError(`rules[${index}]`, `repeats the rule "${rule.key}"`)
    seen.add(rule.key)
  }
  return compiled
}

function compileRule(rule: unknown, index: number): CompiledRule {
  const option = `rules[${index}]`
  if (typeof rule !== 'object' || rule === null) {
    throw new ConfigurationError(option, 'must be an object such as { path: "/orders", limit: 10, intervalMs: 60000 }')
  }
  const { method, path, name } = rule as Record<string, unknown>
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw new ConfigurationError(`${option}.path`, 'must be a path that starts with "/", such as "/retailer/orders/*"')
  }
  if (method !== undefined && (typeof method !== 'string' || !methodPattern.test(method))) {
    throw new ConfigurationError(`${option}.method`, 'must be an HTTP method such as "GET"')
  }
  const { limit, intervalMs } = checkBudget(rule, option)
  const upperMethod = method?.toUpperCase()
  const segments = splitPath(path).map((segment) => (/^(\{.*\}|:.+)$/.test(segment) ? '*' : segment))
  const literals = segments.filter((segment) => segment !== '*' && segment !== '**').length
  const anyDepth = segments.filter((segment) => segment === '**').length
  return {
    key: checkName(name, `${option}.name`) ?? `${upperMethod ?? '*'} ${path}`,
    limit,
    intervalMs,
    method: upperMethod,
    segments,
    // Compared in order: literal segments, then fewer `**`, then a named method, then length, then list order.
    specificity: [literals, -anyDepth, upperMethod === undefined ? 0 : 1, segments.length, -index],
  }
}

/** Checks the `defaultRule` option. */
export function compileDefaultRule(rule: unknown): CompiledRule | undefined {
  if (rule === undefined) return undefined
  if (typeof rule !== 'object' || rule === null) {
    throw new ConfigurationError('defaultRule', 'must be an object such as { limit: 1000, intervalMs: 60000 }')
  }
  const { limit, intervalMs } = checkBudget(rule, 'defaultRule')
  const key = checkName((rule as { name?: unknown }).name, 'defaultRule.name') ?? 'default'
  return { key, limit, intervalMs, method: undefined, segments: ['**'], specificity: [] }
}

function checkBudget(rule: object, option: string): { limit: number; intervalMs: number } {
  const { limit, intervalMs } = rule as Record<string, unknown>
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new ConfigurationError(`${option}.limit`, 'must be a positive integer: the requests allowed per interval')
  }
  if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
    throw new ConfigurationError(`${option}.intervalMs`, 'must be a positive number of milliseconds, such as 60000')
  }
  return { limit, intervalMs }
}

function checkName(name: unknown, option: string): string | undefined {
  if (name === undefined) return undefined
  if (typeof name !== 'string' || name.trim() === '') throw new ConfigurationError(option, 'must be a non-empty string')
  return name
}

/** The segments of a path, without empty ones (so `/a//b/` is `['a', 'b']`). */
export function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '')
}

/** The most specific rule that matches, or undefined. */
export function matchRule(rules: readonly CompiledRule[], method: string, path: string): CompiledRule | undefined {
  const segments = splitPath(path)
  const upperMethod = method.toUpperCase()
  let best: CompiledRule | undefined
  for (const rule of rules) {
    if (rule.method !== undefined && rule.method !== upperMethod) continue
    if (!matchSegments(rule.segments, 0, segments, 0)) continue
    if (best === undefined || compareSpecificity(rule.specificity, best.specificity) > 0) best = rule
  }
  return best
}

function matchSegments(pattern: readonly string[], patternIndex: number, path: string[], pathIndex: number): boolean {
  if (patternIndex === pattern.length) return pathIndex === path.length
  const segment = pattern[patternIndex]
  if (segment === '**') {
    for (let next = pathIndex; next <= path.length; next++) {
      if (matchSegments(pattern, patternIndex + 1, path, next)) return true
    }
    return false
  }
  if (pathIndex === path.length) return false
  if (segment !== '*' && segment !== path[pathIndex]) return false
  return matchSegments(pattern, patternIndex + 1, path, pathIndex + 1)
}

function compareSpecificity(left: readonly number[], right: readonly number[]): number {
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
