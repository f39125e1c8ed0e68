import { getRequestId, isB2bkitError, readBoundedBytes, redactText } from '@b2bkit/http'
import ky, { isHTTPError, isKyError, isNetworkError, isTimeoutError, type RetryOptions } from 'ky'
import { AuthError } from '../errors.js'
import type { ClientAuthMethod } from '../token-endpoint-options.js'
import { readOAuthError } from './oauth-error.js'
import { displayUrl } from './options.js'
import type { ServerClock } from './server-clock.js'
import { type IssuedToken, parseTokenResponse } from './token-response.js'

/** Everything needed to call one token endpoint. */
export interface TokenEndpoint {
  tokenUrl: URL
  clientId: string
  clientSecret: string | undefined
  authMethod: ClientAuthMethod
  fetch: typeof globalThis.fetch
  retry: RetryOptions
  timeoutMs: number
  clock: ServerClock
  defaultLifetimeMs: number
}

/** Counts the HTTP attempts of one token request, retries included. */
export interface AttemptCounter {
  attempts: number
}

/** What else one token request may be given. */
export interface TokenRequestExtras {
  /** Counts the attempts. */
  counter?: AttemptCounter
  /** Values besides the client secret to keep out of error messages (a refresh token, a code). */
  secrets?: readonly string[]
}

/** The most bytes of a token endpoint's answer read. */
const maxTokenResponseBytes = 1024 ** 2
const utf8 = new TextDecoder()

/** Sends one token request (with retries for 5xx, 429, timeouts and network errors) and parses the answer. */
export async function requestToken(
  endpoint: TokenEndpoint,
  parameters: Record<string, string>,
  extras: TokenRequestExtras = {},
): Promise<IssuedToken> {
  const counter = extras.counter ?? { attempts: 0 }
  const secrets = [endpoint.clientSecret, ...(extras.secrets ?? [])]
  const { headers, body } = encodeRequest(endpoint, parameters)
  const tokenUrl = displayUrl(endpoint.tokenUrl)
  let sentAt = endpoint.clock.local()
  const countingFetch: typeof globalThis.fetch = (input, init) => {
    counter.attempts++
    sentAt = endpoint.clock.local()
    return endpoint.fetch(input, init)
  }
  let text: string
  try {
    const response = await ky.post(endpoint.tokenUrl, {
      headers,
      body,
      fetch: countingFetch,
      retry: endpoint.retry,
      timeout: endpoint.timeoutMs,
      // A redirect would resend the client credentials to wherever it points; a token endpoint has no reason to.
      redirect: 'manual',
    })
    endpoint.clock.observe(response.headers.get('date'), sentAt)
    // A token answer is a few hundred bytes: one that runs on, or stalls, fails instead of filling memory or hanging.
    const bounds = { maxBytes: maxTokenResponseBytes, timeoutMs: endpoint.timeoutMs, method: 'POST', url: tokenUrl }
    text = utf8.decode(await readBoundedBytes(response, bounds))
  } catch (error) {
    throw toAuthError(error, { timeoutMs: endpoint.timeoutMs, tokenUrl, attempts: counter.attempts, secrets })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new AuthError('AUTH_INVALID_RESPONSE', 'token endpoint answered 2xx, but the body is not JSON', { tokenUrl })
  }
  return parseTokenResponse(parsed, {
    issuedAt: endpoint.clock.toServer(sentAt),
    defaultLifetimeMs: endpoint.defaultLifetimeMs,
    tokenUrl,
  })
}

/** The default retry policy of token requests: POST is safe here (asking again only yields another token). */
export function tokenRetryOptions(retry: number | RetryOptions | undefined): RetryOptions {
  const serverErrors = Array.from({ length: 100 }, (_, index) => 500 + index)
  const policy: RetryOptions = {
    limit: 3,
    methods: ['post'],
    statusCodes: [408, 429, ...serverErrors],
    afterStatusCodes: [429, 503],
    maxRetryAfter: 60_000,
    backoffLimit: 10_000,
    retryOnTimeout: true,
    jitter: true,
  }
  if (retry === undefined) return policy
  if (typeof retry === 'number') return { ...policy, limit: retry }
  return { ...policy, ...retry, methods: ['post'] }
}

function encodeRequest(endpoint: TokenEndpoint, parameters: Record<string, string>) {
  const { authMethod, clientId, clientSecret = '' } = endpoint
  const headers: Record<string, string> = { accept: 'application/json' }
  if (authMethod === 'json') {
    headers['content-type'] = 'application/json'
    return { headers, body: JSON.stringify({ ...parameters, client_id: clientId, client_secret: clientSecret }) }
  }
  headers['content-type'] = 'application/x-www-form-urlencoded'
  const form = new URLSearchParams(parameters)
  if (authMethod === 'basic') {
    // RFC 6749 §2.3.1: each part is form-urlencoded before the two are joined and base64-encoded.
    headers.authorization = `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`
  } else {
    form.set('client_id', clientId)
    if (authMethod === 'form') form.set('client_secret', clientSecret)
  }
  return { headers, body: form.toString() }
}

function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1)
}

interface FailureContext {
  timeoutMs: number
  tokenUrl: string
  attempts: number
  secrets: readonly (string | undefined)[]
}

function toAuthError(error: unknown, context: FailureContext): AuthError {
  const { tokenUrl, attempts, secrets } = context
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  if (isHTTPError(error)) {
    const { status } = error.response
    const requestId = getRequestId(error.response)
    const details = { status, tokenUrl, response: error.response, requestId }
    if (status === 0 || (status >= 300 && status < 400)) {
      return new AuthError('AUTH_INVALID_RESPONSE', `token endpoint redirected (${status}); configure its final URL`, {
        ...details,
      })
    }
    const { oauthError, errorDescription } = readOAuthError(error.data, secrets)
    const said = [oauthError, errorDescription].filter(Boolean).join(': ')
    const retryable = status === 408 || status === 429 || status >= 500
    const message = retryable
      ? `token endpoint failed with ${status} after ${tries}${said ? ` (${said})` : ''}`
      : `token endpoint rejected the request with ${status}${said ? ` (${said})` : ''}`
    return new AuthError(retryable ? 'AUTH_UNAVAILABLE' : 'AUTH_REJECTED', redactText(message, secrets), {
      ...details,
      oauthError,
      errorDescription,
    })
  }
  if (isTimeoutError(error)) {
    return new AuthError('AUTH_UNAVAILABLE', `token endpoint did not answer in ${context.timeoutMs} ms (${tries})`, {
      tokenUrl,
    })
  }
  if (isNetworkError(error)) {
    // ky's error holds the Request (with the credentials): keep only the socket-level cause.
    return new AuthError('AUTH_UNAVAILABLE', `token request failed before a response arrived (${tries})`, {
      tokenUrl,
      cause: error.cause,
    })
  }
  if (error instanceof AuthError) return error
  if (isB2bkitError(error) && error.code === 'RESPONSE_TOO_LARGE') {
    return new AuthError('AUTH_INVALID_RESPONSE', 'token endpoint answered with a body longer than 1 MiB', { tokenUrl })
  }
  const name = error instanceof Error ? error.name : typeof error
  return new AuthError('AUTH_UNAVAILABLE', `token request failed: ${name}`, {
    tokenUrl,
    ...(isKyError(error) ? {} : { cause: error }),
  })
}
