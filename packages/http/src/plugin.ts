import type { AfterResponseHook, Options } from 'ky'

/**
 * A capability, packaged as a named fragment of ky options (mostly hooks). `createClient()` merges plugins in
 * order with `ky.extend`; a plugin works with plain ky too: `ky.extend(plugin.options)`.
 *
 * Plugins keep their state in their own objects (a token source, a limiter), never in module globals.
 *
 * @example
 * ```ts
 * const logRequests: Plugin = {
 *   name: 'log-requests',
 *   options: { hooks: { beforeRequest: [({ request }) => console.log(request.method, request.url)] } },
 * }
 * ```
 */
export interface Plugin {
  /** A short name, for error messages and debugging (`'bearer-auth'`, `'rate-limit'`). */
  readonly name: string
  /** The ky options this plugin contributes. */
  readonly options: Options
}

/**
 * Builds a plugin, checking that it has a name. A helper for plugin authors; a plain object works as well.
 *
 * @example
 * ```ts
 * export const traceHeader = (id: string) => definePlugin('trace', { headers: { 'X-Trace': id } })
 * ```
 */
export function definePlugin(name: string, options: Options): Plugin {
  return { name, options }
}

const headersOnlyMarker = Symbol.for('b2bkit.headersOnlyHook')

/**
 * Marks an `afterResponse` hook that reads only the status and headers of the response, never its body.
 * `createClient()` runs neighbouring marked hooks on one clone of the response instead of one each (ky clones the
 * response for every `afterResponse` hook, a tee of its body), which makes a plugin cheaper per request. The hook
 * works the same with plain ky, unmarked or not.
 *
 * @example
 * ```ts
 * const countStatuses = definePlugin('statuses', {
 *   hooks: { afterResponse: [headersOnly(({ response }) => void seen.push(response.status))] },
 * })
 * ```
 */
export function headersOnly<Hook extends AfterResponseHook>(hook: Hook): Hook {
  Object.defineProperty(hook, headersOnlyMarker, { value: true })
  return hook
}

/** Whether `hook` was marked with `headersOnly()`. */
export function isHeadersOnly(hook: AfterResponseHook): boolean {
  return (hook as unknown as Record<symbol, unknown>)[headersOnlyMarker] === true
}

/**
 * The hooks in the same order, folded into runs that hand one response to each of their hooks in turn: a run holds
 * `headersOnly()` hooks and at most one hook that may read the body, so no hook ever finds the body read by another.
 * In a run, a hook that returns a Response replaces it for the hooks after it, and one that returns `ky.retry()`
 * ends the run there, as ky does.
 */
export function foldHeadersOnlyHooks(hooks: readonly AfterResponseHook[]): AfterResponseHook[] {
  const folded: AfterResponseHook[] = []
  let run: AfterResponseHook[] = []
  let readsBody = false
  const flush = () => {
    if (run.length === 1) folded.push(run[0] as AfterResponseHook)
    if (run.length > 1) folded.push(readsBody ? foldRun(run) : headersOnly(foldRun(run)))
    run = []
    readsBody = false
  }
  for (const hook of hooks) {
    const marked = isHeadersOnly(hook)
    if (!marked && readsBody) flush()
    run.push(hook)
    if (!marked) readsBody = true
  }
  flush()
  return folded
}

function foldRun(hooks: readonly AfterResponseHook[]): AfterResponseHook {
  return async (state) => {
    let response = state.response
    for (const hook of hooks) {
      const result = await hook({ ...state, response })
      if (result === undefined || result === null) continue
      if (result instanceof Response) response = result
      else return result
    }
    return response === state.response ? undefined : response
  }
}
