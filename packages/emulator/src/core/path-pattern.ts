/**
 * Path patterns shared by the router, the rate-limit rules and the deprecation rules:
 * `:name` captures one segment, `*` matches one segment, `**` (last only) matches the rest, zero or more segments.
 */
export type PathParameters = Record<string, string>

const split = (path: string): string[] => path.split('/').filter((segment) => segment !== '')

/** The parameters when `path` matches `pattern`, otherwise `undefined`. */
export function matchPath(pattern: string, path: string): PathParameters | undefined {
  const patternSegments = split(pattern)
  const pathSegments = split(path)
  const parameters: PathParameters = {}
  for (let index = 0; index < patternSegments.length; index++) {
    const segment = patternSegments[index] as string
    if (segment === '**') return parameters
    const actual = pathSegments[index]
    if (actual === undefined) return undefined
    if (segment.startsWith(':')) parameters[segment.slice(1)] = decodeURIComponent(actual)
    else if (segment !== '*' && segment !== actual) return undefined
  }
  return patternSegments.length === pathSegments.length ? parameters : undefined
}

/**
 * How specific a pattern is: literal segments weigh most, then single-segment wildcards, then length.
 * Used so that the most specific rule wins (`GET /retailer/orders/*` over `* /retailer/**`).
 */
export function specificity(pattern: string): number {
  let score = 0
  for (const segment of split(pattern)) {
    if (segment === '**') score += 1
    else if (segment === '*' || segment.startsWith(':')) score += 10
    else score += 100
  }
  return score
}

/** Whether a rule's method (`'*'` or absent for any) applies to a request method. */
export function methodMatches(ruleMethod: string | undefined, method: string): boolean {
  return ruleMethod === undefined || ruleMethod === '*' || ruleMethod.toUpperCase() === method.toUpperCase()
}
