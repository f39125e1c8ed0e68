import { definePlugin, type Plugin } from '@b2bkit/http'

/** Headers that already tell a client when to come back after a 429. */
const timingHeaders = ['retry-after', 'x-ratelimit-reset', 'ratelimit-reset', 'ratelimit', 'x-rate-limit-reset']

/** How long to back off after a 429 that says nothing about when to come back. */
export interface BackoffOptions {
  /** The first pause, in milliseconds; each further 429 of the same call doubles it. */
  initialDelayMs: number
  /** The longest pause, in milliseconds. */
  maxDelayMs: number
}

/**
 * B2Brouter answers an exceeded limit with a 429 and asks for exponential backoff
 * (https://developer.b2brouter.net/docs/error_codes). When a 429 carries no `Retry-After` and no reset header, this
 * plugin adds a `Retry-After` of `initialDelayMs · 2^retryCount` (capped at `maxDelayMs`), so the rate limiter pauses
 * the rule that long before its retry — or, with the limiter off, ky's own retry waits that long (ky reads whole
 * seconds only).
 */
export function backoffOn429(options: BackoffOptions): Plugin {
  return definePlugin('b2brouter-backoff-on-429', {
    hooks: {
      afterResponse: [
        ({ response, retryCount }) => {
          if (response.status !== 429 || timingHeaders.some((name) => response.headers.has(name))) return
          const delayMs = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** retryCount)
          const headers = new Headers(response.headers)
          // Whole seconds from 1 s up, which ky and @b2bkit/rate-limit both read; a fraction below that (only tests go
          // there), which the limiter reads and ky replaces with its own backoff.
          headers.set('retry-after', String(delayMs / 1000))
          const { status, statusText } = response
          return new Response(response.body, { status, statusText, headers })
        },
      ],
    },
  })
}
