// A prototype, for the overhead figure only: ky 2 hands every afterResponse hook its own `response.clone()` (a
// tee of the body stream), so six plugins with such hooks pay six tees per response. This folds the plugins'
// afterResponse hooks into one hook that runs them in order on one clone, to measure what such a change in
// @b2bkit/http's createClient() would save. Not a drop-in fix: hooks that read the body (problemDetails on a failed
// response, etag caching a GET body) would then have to clone for themselves.
import type { Plugin } from '@b2bkit/http'
import type { AfterResponseHook } from 'ky'

export function composeAfterResponse(plugins: readonly Plugin[]): Plugin[] {
  const hooks = plugins.flatMap((plugin) => plugin.options.hooks?.afterResponse ?? [])
  const withoutAfterResponse = plugins.map((plugin) => ({
    name: plugin.name,
    options: { ...plugin.options, hooks: { ...plugin.options.hooks, afterResponse: [] } },
  }))
  const composed: AfterResponseHook = async (state) => {
    let response = state.response
    for (const hook of hooks) {
      const result = await hook({ ...state, response })
      if (result instanceof Response) response = result
      else if (result !== undefined) return result // ky.retry(): stop here, as ky would
    }
    return response === state.response ? undefined : response
  }
  return [
    ...withoutAfterResponse,
    { name: 'composed-after-response', options: { hooks: { afterResponse: [composed] } } },
  ]
}
