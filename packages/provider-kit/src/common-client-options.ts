import type { CreateClientOptions } from '@b2bkit/http'

/**
 * The options every provider client takes and passes straight to `createClient()` from `@b2bkit/http`. A provider
 * client's options interface declares them with its own TSDoc; this is the shape `commonClientOptions()` reads.
 *
 * @example
 * ```ts
 * const given: CommonClientOptions = { userAgent: 'erp-sync/1.4', timeout: 20_000 }
 * ```
 */
export interface CommonClientOptions {
  /** The fetch to send with. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined
  /** Called once per endpoint that answers as deprecated. @default none */
  onDeprecation?: CreateClientOptions['onDeprecation'] | undefined
  /** Your app's name and version, appended to the `User-Agent`. @default none */
  userAgent?: string | undefined
  /** The timeout of one attempt, in milliseconds. @default 10_000 (ky's) */
  timeout?: number | undefined
  /** Retries of a failed request: a number, or ky's retry options. @default 2 */
  retry?: CreateClientOptions['retry'] | undefined
  /** Allow credentials over plain http to a host that is not loopback. @default false */
  allowInsecureHttp?: boolean | undefined
  /**
   * The most bytes of a response body read; a longer one fails with `ResponseTooLargeError`. `false` for no bound.
   * @default 16_777_216 (16 MiB)
   */
  maxResponseBytes?: number | false | undefined
}

/**
 * The common options that were given, without the `undefined` ones (createClient's option types are exact, so an
 * explicit `undefined` may not reach it). Other properties of `options` are ignored, so a whole provider options
 * object can be passed; its `timeout` may also be `false` (no timeout), as ky allows.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, ...commonClientOptions(options) })
 * ```
 */
export function commonClientOptions(
  options: Omit<CommonClientOptions, 'timeout'> & { timeout?: CreateClientOptions['timeout'] | undefined },
): Partial<CreateClientOptions> {
  const { fetch, onDeprecation, userAgent, timeout, retry, allowInsecureHttp, maxResponseBytes } = options
  return Object.fromEntries(
    Object.entries({ fetch, onDeprecation, userAgent, timeout, retry, allowInsecureHttp, maxResponseBytes }).filter(
      ([, value]) => value !== undefined,
    ),
  )
}

/**
 * The base URL with a trailing slash, so relative paths resolve below it (`…/siesmart/b2b` + `v1/x` →
 * `…/siesmart/b2b/v1/x`, not `…/siesmart/v1/x`). A URL object is copied, never changed in place. A value that is
 * not a URL is returned as it is, for `createClient()` to refuse with a `ConfigurationError` naming `baseUrl`.
 *
 * @example
 * ```ts
 * asDirectory('https://example.test/b2b') // URL https://example.test/b2b/
 * ```
 */
export function asDirectory(baseUrl: string | URL): string | URL {
  try {
    const url = new URL(baseUrl)
    if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`
    return url
  } catch {
    return baseUrl
  }
}
