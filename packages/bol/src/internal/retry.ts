import { isNetworkError, type RetryOptions } from 'ky'

/** The POSTs that only read or only ask for a report: repeating one is harmless. */
const repeatablePosts =
  /\/(?:shared(?:-demo)?\/process-status|retailer(?:-demo)?\/(?:commission|commissions|offers\/export))$/

/** Whether a request is one of bol's POSTs that may be sent again. */
export const isRepeatablePost = (request: Request): boolean =>
  request.method.toUpperCase() === 'POST' && repeatablePosts.test(new URL(request.url).pathname)

/**
 * The client's retry options. `createClient()` retries a POST after an error status when its context says
 * `retrySafe`, but after a lost connection it looks the request up in a set that ky 2.1 never matches (ky hands the
 * error a clone of the request), so the repeatable POSTs are recognised here by method and path. The caller's own
 * `shouldRetry` is asked first.
 */
export function bolRetry(retry: number | RetryOptions | undefined): RetryOptions {
  const settings = typeof retry === 'number' ? { limit: retry } : { limit: 2, ...retry }
  const own = settings.shouldRetry
  return {
    ...settings,
    shouldRetry: async (state) => {
      const decision = own === undefined ? undefined : await own(state)
      if (decision !== undefined) return decision
      const { error } = state
      return isNetworkError(error) && isRepeatablePost(error.request) ? true : undefined
    },
  }
}
