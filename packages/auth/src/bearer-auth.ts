import { assertSecureUrl, ConfigurationError, definePlugin, headersOnly, type Plugin } from '@b2bkit/http'
import ky, { type NormalizedOptions } from 'ky'
import type { TokenSource } from './token-source.js'

/** Options of `bearerAuth()`. */
export interface BearerAuthOptions {
  /**
   * Allow sending the token over plain `http://` to a host that is not loopback. `createClient()` refuses such
   * requests too; this plugin checks on its own so it is safe with plain ky as well. `createClient({ allowInsecureHttp })`
   * allows it for every plugin of that client, through the request context.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined
}

/**
 * A plugin that sends `Authorization: Bearer <token>` from `tokenSource` on every request and every retry. The
 * token is checked once more right before the request goes out, so one that expired while a later plugin (a rate
 * limiter) held the request back is replaced.
 *
 * On a 401 it invalidates the token that was sent, fetches a new one and retries the request once (ky's
 * `afterResponse` hook and `ky.retry()`; the retry counts against the client's retry limit, so with `retry: 0`
 * the 401 is returned as it is, the token still invalidated for the next call). A second 401 on that request is
 * thrown as ky's `HTTPError` (or what a later plugin makes of it). Many requests failing with the same token at
 * once share one refresh.
 *
 * @example
 * ```ts
 * const tokens = clientCredentials({ tokenUrl, clientId, clientSecret, authMethod: 'basic' })
 * const http = createClient({ baseUrl: 'https://api.bol.com', plugins: [bearerAuth(tokens)] })
 * ```
 */
export function bearerAuth(tokenSource: TokenSource, options: BearerAuthOptions = {}): Plugin {
  if (
    typeof tokenSource !== 'object' ||
    tokenSource === null ||
    typeof tokenSource.getToken !== 'function' ||
    typeof tokenSource.invalidate !== 'function'
  ) {
    throw new ConfigurationError('tokenSource', 'must be a token source with getToken() and invalidate()')
  }
  const allowInsecureHttp = options.allowInsecureHttp === true
  // The `context` objects of requests already retried after a 401: ky gives each call its own context object and
  // keeps it across that call's retries, so it marks "this request" without touching the request itself.
  const retriedAfter401 = new WeakSet<object>()

  const authorize = async (request: Request, requestOptions: Readonly<NormalizedOptions>) => {
    assertSecureUrl(request.url, allowInsecureHttp || requestOptions.context.allowInsecureHttp === true)
    const token = await tokenSource.getToken({ signal: requestOptions.signal ?? undefined })
    request.headers.set('authorization', `Bearer ${token}`)
  }

  // Plugins after this one may hold a request back (a rate limiter's queue) for longer than the token lives. The
  // token is taken in beforeRequest, so its refresh never holds a rate-limit slot, and checked again right before
  // the request goes out, so a token that expired while the request waited is replaced by the current one.
  const sendWithCurrentToken = (send: typeof fetch): typeof fetch => {
    return async (input, init) => {
      const sent = input instanceof Request ? input.headers.get('authorization') : null
      if (input instanceof Request && sent?.startsWith('Bearer ')) {
        const token = await tokenSource.getToken({ signal: input.signal })
        if (sent !== `Bearer ${token}`) input.headers.set('authorization', `Bearer ${token}`)
      }
      return send(input, init)
    }
  }

  return definePlugin('bearer-auth', {
    hooks: {
      init: [
        (initOptions) => {
          initOptions.fetch = sendWithCurrentToken(initOptions.fetch ?? globalThis.fetch)
        },
      ],
      beforeRequest: [({ request, options: requestOptions }) => authorize(request, requestOptions)],
      // Every retry carries the current token: one that expired during a backoff is replaced before it is sent.
      beforeRetry: [({ request, options: requestOptions }) => authorize(request, requestOptions)],
      afterResponse: [
        headersOnly(async ({ request, options: requestOptions, response, retryCount }) => {
          if (response.status !== 401) return
          const sent = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]
          if (sent !== undefined) await tokenSource.invalidate(sent)
          const context = requestOptions.context
          if (retriedAfter401.has(context) || retryCount >= requestOptions.retry.limit) return
          retriedAfter401.add(context)
          return ky.retry({ delay: 0, code: 'TOKEN_REFRESHED' })
        }),
      ],
    },
  })
}
