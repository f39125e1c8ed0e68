import { getRequestId, headersOnly, type Plugin } from '@b2bkit/http'
import ky, { type Options } from 'ky'
import { RateLimitedError } from './errors.js'
import { RateLimiter, recordRetry } from './rate-limiter.js'
import type { RateLimiterOptions } from './rate-limiter-options.js'
import type { RateLimitSlot } from './slot.js'

/**
 * The `rateLimit()` plugin, with its limiter for events and statistics.
 *
 * @example
 * ```ts
 * const plugin: RateLimitPlugin = rateLimit({ defaultRule: { limit: 1000, intervalMs: 60_000 } })
 * console.log(plugin.limiter.stats())
 * ```
 */
export interface RateLimitPlugin extends Plugin {
  /** The limiter behind the plugin: `plugin.limiter.on('throttle', …)`, `plugin.limiter.stats()`. */
  readonly limiter: RateLimiter
}

/** What the plugin remembers about one call (all its attempts). */
interface CallState {
  slot: RateLimitSlot | undefined
  priority: number
}

/**
 * Rate limiting for a ky instance or `createClient()`: every request waits for a slot of its rule before it is
 * sent and holds it until its response arrives; the response's headers correct the budget.
 *
 * On a 429 the whole rule pauses until the server's reset, and the request is retried once the pause is over.
 * That retry is ky's own (`ky.retry()` from `afterResponse`), so it spends the same retry budget (`retry.limit`) as
 * every other retry, and ky's retry policy never also retries that 429. A POST is retried too: the server did not
 * process a request it refused with 429. When the budget is spent, the 429 reaches the caller as ky's `HTTPError`.
 *
 * Give a call a priority with `context: { priority: 10 }` (higher first; default 0). Put this plugin after the auth
 * plugin and before plugins that turn error responses into errors, so it sees every 429.
 *
 * @param options - the limiter's options, or a `RateLimiter` to share between clients
 * @example
 * ```ts
 * const limits = rateLimit({ rules: [{ method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 }] })
 * const http = createClient({ baseUrl: 'https://api.bol.com', plugins: [bearerAuth(tokens), limits, problemDetails()] })
 * limits.limiter.on('throttle', ({ rule, waitMs }) => console.log(rule, 'waits', waitMs))
 * await http.get('retailer/orders', { context: { priority: 10 } })
 * ```
 */
export function rateLimit(options: RateLimiterOptions | RateLimiter = {}): RateLimitPlugin {
  const limiter = options instanceof RateLimiter ? options : new RateLimiter(options)
  // Keyed by the call's `context` object, which ky makes once per call and keeps across its retries.
  const calls = new WeakMap<object, CallState>()

  const acquire = async (state: CallState, request: Request) => {
    state.slot = await limiter.acquire({
      method: request.method,
      url: request.url,
      priority: state.priority,
      signal: request.signal,
    })
  }
  const settleOutstanding = async (state: CallState | undefined) => {
    const slot = state?.slot
    if (state === undefined || slot === undefined) return
    state.slot = undefined
    await slot.settle()
  }

  const pluginOptions: Options = {
    hooks: {
      init: [
        (options) => {
          options.context ??= {}
          const priority = options.context.priority
          calls.set(options.context, {
            slot: undefined,
            priority: typeof priority === 'number' && !Number.isNaN(priority) ? priority : 0,
          })
        },
      ],
      beforeRequest: [
        async ({ request, options }) => {
          const state = calls.get(options.context)
          if (state !== undefined) await acquire(state, request)
        },
      ],
      beforeRetry: [
        async ({ request, options }) => {
          const state = calls.get(options.context)
          if (state === undefined) return
          // A network error, a timeout or another plugin's forced retry: the last attempt's slot has no response.
          await settleOutstanding(state)
          await acquire(state, request)
        },
      ],
      afterResponse: [
        // Reads the status and the rate-limit headers only: createClient() may run it on a clone it shares.
        headersOnly(async ({ response, options, retryCount }) => {
          const state = calls.get(options.context)
          const slot = state?.slot
          if (state === undefined || slot === undefined) return
          state.slot = undefined
          const outcome = await slot.settle(response)
          if (outcome.status !== 'rate-limited') return
          if (outcome.action === 'fail') {
            throw new RateLimitedError(slot.rule ?? '', outcome.retryAt, outcome.retryAfterMs, {
              response,
              requestId: getRequestId(response),
            })
          }
          // The retry budget is spent: let the 429 through as an HTTPError; ky will not retry it either.
          if (retryCount >= options.retry.limit) return
          limiter[recordRetry]()
          // No delay here: the retry waits in the rule's queue, which stays paused until the server's reset.
          return ky.retry({ delay: 0, code: 'RATE_LIMITED' })
        }),
      ],
      beforeError: [
        async ({ error, options }) => {
          await settleOutstanding(calls.get(options.context))
          return error
        },
      ],
    },
  }
  return { name: 'rate-limit', options: pluginOptions, limiter }
}
