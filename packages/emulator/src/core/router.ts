import type { Exchange } from './exchange.js'
import { matchPath, specificity } from './path-pattern.js'
import type { ResponseDraft } from './response.js'

/** Handles one matched request. */
export type RouteHandler = (exchange: Exchange) => ResponseDraft | Promise<ResponseDraft>

interface Route {
  method: string
  pattern: string
  handler: RouteHandler
}

/** The outcome of routing: a handler, a path known for other methods only (405), or nothing (404). */
export type RouteMatch =
  | { kind: 'found'; handler: RouteHandler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' }

/** A method + path-pattern router (`/retailer/orders/:orderId`); the most specific pattern wins. */
export class Router {
  private readonly routes: Route[] = []

  /** Adds a route. */
  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), pattern, handler })
    return this
  }

  /** Finds the route for a request. */
  match(method: string, path: string): RouteMatch {
    const candidates = this.routes
      .map((route) => ({ route, params: matchPath(route.pattern, path) }))
      .filter(
        (candidate): candidate is { route: Route; params: Record<string, string> } => candidate.params !== undefined,
      )
      .sort((a, b) => specificity(b.route.pattern) - specificity(a.route.pattern))
    const found = candidates.find((candidate) => candidate.route.method === method.toUpperCase())
    if (found) return { kind: 'found', handler: found.route.handler, params: found.params }
    if (candidates.length > 0)
      return { kind: 'method-not-allowed', allowed: [...new Set(candidates.map((c) => c.route.method))] }
    return { kind: 'not-found' }
  }
}
