import { splitPath } from '../rules.js'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The bucket of a request that matches no rule, when the limiter learns budgets from headers: its method and path,
 * with id-like segments (numbers, UUIDs, long tokens with digits) folded to `*`, so `/orders/1` and `/orders/2`
 * share what the first answer taught.
 */
export function learnedRouteKey(method: string, path: string): string {
  const segments = splitPath(path).map((segment) =>
    /^\d+$/.test(segment) || uuidPattern.test(segment) || (segment.length >= 8 && /\d/.test(segment)) ? '*' : segment,
  )
  return `${method.toUpperCase()} /${segments.join('/')}`
}
