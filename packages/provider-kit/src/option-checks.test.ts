import { ConfigurationError } from '@b2bkit/http'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asDirectory, commonClientOptions } from './common-client-options.js'
import { rateLimitOptions, requireHeaderValue, requireOneOf, requireText } from './option-checks.js'

const failure = (attempt: () => unknown) => {
  try {
    attempt()
  } catch (error) {
    return error as ConfigurationError
  }
  throw new Error('expected a ConfigurationError')
}

describe('option checks', () => {
  it('accepts a good value and returns it', () => {
    expect(requireText('clientId', 'id-1')).toBe('id-1')
    expect(requireOneOf('environment', 'staging', ['production', 'staging'] as const)).toBe('staging')
    expect(requireHeaderValue('apiKey', 'key 1')).toBe('key 1')
  })

  it('names the option at fault and lists the allowed values', () => {
    const empty = failure(() => requireText('clientId', '  '))
    expect(empty).toBeInstanceOf(ConfigurationError)
    expect(empty.option).toBe('clientId')
    const other = failure(() => requireOneOf('environment', 'sandbox', ['production', 'staging'] as const))
    expect(other.option).toBe('environment')
    expect(other.message).toContain("'production', 'staging'")
  })

  it('refuses a header value that could break or change the header, never repeating it', () => {
    fc.assert(
      fc.property(
        fc.string().map((text) => `secret-${text}`),
        fc.constantFrom('\n', '\r', '\u0000', ' ', 'é'),
        fc.boolean(),
        (secret, bad, atStart) => {
          const value = atStart ? `${bad}${secret}` : `${secret}${bad}`
          const error = failure(() => requireHeaderValue('apiKey', value))
          expect(error.option).toBe('apiKey')
          expect(error.message).not.toContain('secret-')
          expect(JSON.stringify(error.toJSON())).not.toContain('secret-')
        },
      ),
    )
  })

  it("merges the caller's limiter options over the provider's defaults, or switches the limiter off", () => {
    const defaults = { defaultRule: { limit: 100, intervalMs: 60_000 }, adaptive: true }
    expect(rateLimitOptions(undefined, defaults)).toBe(defaults)
    expect(rateLimitOptions(false, defaults)).toBe(false)
    expect(rateLimitOptions({ adaptive: false }, defaults)).toEqual({ ...defaults, adaptive: false })
    for (const value of [5, 'fast', null, [], true]) {
      expect(failure(() => rateLimitOptions(value, defaults)).option).toBe('rateLimit')
    }
  })
})

describe('commonClientOptions() and asDirectory()', () => {
  it('passes on the common options that were given and nothing else', () => {
    const onDeprecation = () => {}
    expect(
      commonClientOptions({
        userAgent: 'erp/1',
        timeout: false,
        retry: undefined,
        onDeprecation,
        maxResponseBytes: 1024,
        apiKey: 'k',
      } as never),
    ).toEqual({ userAgent: 'erp/1', timeout: false, onDeprecation, maxResponseBytes: 1024 })
    expect(commonClientOptions({})).toEqual({})
  })

  it('adds a trailing slash to the base URL without changing the URL it was given', () => {
    const given = new URL('https://example.test/siesmart/b2b')
    expect(String(asDirectory(given))).toBe('https://example.test/siesmart/b2b/')
    expect(given.pathname).toBe('/siesmart/b2b')
    expect(String(asDirectory('https://example.test'))).toBe('https://example.test/')
    expect(String(asDirectory('https://example.test/a/?x=1'))).toBe('https://example.test/a/?x=1')
    expect(asDirectory('not a url')).toBe('not a url')
  })
})
