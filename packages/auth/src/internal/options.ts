import { assertSecureUrl, ConfigurationError, redactUrl } from '@b2bkit/http'

/** A required string option: present, not blank, one line. The value is never echoed: it may be a secret. */
export function requireText(option: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigurationError(option, 'is required and must be a non-empty string')
  }
  if (/[\r\n\0]/.test(value)) throw new ConfigurationError(option, 'must not contain line breaks or NUL characters')
  return value
}

/** An optional string option, checked like `requireText` when present. */
export function optionalText(option: string, value: unknown): string | undefined {
  return value === undefined ? undefined : requireText(option, value)
}

/** An optional duration or count in milliseconds: a finite number, zero or more. */
export function optionalMilliseconds(option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(option, 'must be a finite number of milliseconds, zero or more')
  }
  return value
}

// The longest delay a timer takes (2^31 - 1 ms); ky refuses longer timeouts.
const maximumTimerMs = 2_147_483_647

/** An optional duration that must be more than zero and fit a timer. */
export function optionalPositiveMilliseconds(option: string, value: unknown): number | undefined {
  const milliseconds = optionalMilliseconds(option, value)
  if (milliseconds !== undefined && (milliseconds === 0 || milliseconds > maximumTimerMs)) {
    throw new ConfigurationError(option, `must be more than 0 and at most ${maximumTimerMs} milliseconds`)
  }
  return milliseconds
}

/** An optional function option. */
export function optionalFunction<T extends (...parameters: never[]) => unknown>(
  option: string,
  value: T | undefined,
): T | undefined {
  if (value !== undefined && typeof value !== 'function') throw new ConfigurationError(option, 'must be a function')
  return value
}

/** One of a fixed set of strings. */
export function requireOneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(option, `must be one of ${allowed.map((item) => `'${item}'`).join(', ')}`)
  }
  return value as T
}

/**
 * An http(s) URL that credentials may be sent to: https, or plain http to a loopback host (or anywhere when
 * `allowInsecureHttp` is set).
 */
export function requireSecureUrl(option: string, value: unknown, allowInsecureHttp: boolean): URL {
  let url: URL
  try {
    if (typeof value !== 'string' && !(value instanceof URL)) throw new TypeError('not a string or URL')
    url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(url.protocol)
  } catch (error) {
    const shown = typeof value === 'string' || value instanceof URL ? `: ${redactUrl(String(value))}` : ''
    throw new ConfigurationError(option, `is required and must be an http(s) URL${shown}`, { cause: error })
  }
  try {
    assertSecureUrl(url, allowInsecureHttp)
  } catch (error) {
    throw new ConfigurationError(
      option,
      'is plain http to a host that is not loopback; credentials would travel in clear text (use https, or set allowInsecureHttp)',
      { cause: error },
    )
  }
  return url
}

/** A URL fit for messages and events: no query string, no user info. */
export function displayUrl(url: URL): string {
  const copy = new URL(url)
  copy.search = ''
  return redactUrl(copy)
}

/** A token store, checked for the methods every store has. */
export function optionalStore<T extends object>(option: string, value: T | undefined): T | undefined {
  if (value === undefined) return undefined
  const store = value as Record<string, unknown>
  if (
    typeof value !== 'object' ||
    value === null ||
    ['get', 'set', 'delete'].some((name) => typeof store[name] !== 'function')
  ) {
    throw new ConfigurationError(option, 'must be a token store with get, set and delete methods')
  }
  return value
}

/** A scope given as a list or a string, as the space-separated string OAuth sends. */
export function scopeText(scope: string | readonly string[] | undefined): string | undefined {
  if (scope === undefined) return undefined
  return requireText('scope', typeof scope === 'string' ? scope : scope.join(' '))
}
