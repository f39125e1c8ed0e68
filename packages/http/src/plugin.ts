import type { Options } from 'ky'

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
