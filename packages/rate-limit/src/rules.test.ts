import { ConfigurationError } from '@b2bkit/http'
import { describe, expect, test } from 'vitest'
import { RateLimiter } from './rate-limiter.js'
import { compileDefaultRule, compileRules, matchRule } from './rules.js'

const bolRules = compileRules([
  { method: 'GET', path: '/retailer/orders', limit: 7, intervalMs: 180_000 },
  { method: 'GET', path: '/retailer/orders/*', limit: 8, intervalMs: 60_000 },
  { method: 'PUT', path: '/retailer/orders/cancellation', limit: 25, intervalMs: 60_000 },
  { path: '/retailer/**', limit: 50, intervalMs: 1000 },
  { method: 'GET', path: '/retailer/shipments/{shipment-id}', limit: 9, intervalMs: 1000 },
])
const keyOf = (method: string, path: string) => matchRule(bolRules, method, path)?.key

describe('rule matching', () => {
  test('picks the most specific rule, as bol.com documents', () => {
    expect(keyOf('GET', '/retailer/orders')).toBe('GET /retailer/orders')
    expect(keyOf('get', '/retailer/orders/1043946570')).toBe('GET /retailer/orders/*')
    expect(keyOf('PUT', '/retailer/orders/cancellation')).toBe('PUT /retailer/orders/cancellation')
    expect(keyOf('GET', '/retailer/shipments/871')).toBe('GET /retailer/shipments/{shipment-id}')
  })

  test('falls back to a broader pattern with ** when nothing more specific matches', () => {
    expect(keyOf('POST', '/retailer/orders')).toBe('* /retailer/**')
    expect(keyOf('GET', '/retailer/orders/1/items/2')).toBe('* /retailer/**')
    expect(keyOf('GET', '/retailer')).toBe('* /retailer/**')
  })

  test('ignores trailing and doubled slashes and matches no other root', () => {
    expect(keyOf('GET', '/retailer/orders/')).toBe('GET /retailer/orders')
    expect(keyOf('GET', '//retailer//orders')).toBe('GET /retailer/orders')
    expect(keyOf('GET', '/shared/process-status/1')).toBeUndefined()
  })

  test('prefers a rule with a method over the same path for any method', () => {
    const rules = compileRules([
      { path: '/orders', limit: 1, intervalMs: 1000 },
      { method: 'POST', path: '/orders', limit: 2, intervalMs: 1000 },
    ])
    expect(matchRule(rules, 'POST', '/orders')?.limit).toBe(2)
    expect(matchRule(rules, 'GET', '/orders')?.limit).toBe(1)
  })

  test('uses a rule name as its key', () => {
    const [rule] = compileRules([{ name: 'orders', path: '/orders', limit: 1, intervalMs: 1000 }])
    expect(rule?.key).toBe('orders')
    expect(compileDefaultRule({ limit: 1000, intervalMs: 60_000 })?.key).toBe('default')
  })
})

describe('rule validation', () => {
  const cases: [unknown, string][] = [
    ['not an array', 'rules'],
    [[null], 'rules[0]'],
    [[{ path: 'orders', limit: 1, intervalMs: 1 }], 'rules[0].path'],
    [[{ path: '/orders', limit: 0, intervalMs: 1 }], 'rules[0].limit'],
    [[{ path: '/orders', limit: 1.5, intervalMs: 1 }], 'rules[0].limit'],
    [[{ path: '/orders', limit: 1, intervalMs: -1 }], 'rules[0].intervalMs'],
    [[{ path: '/orders', limit: 1, intervalMs: Number.POSITIVE_INFINITY }], 'rules[0].intervalMs'],
    [[{ method: 'GET /x', path: '/orders', limit: 1, intervalMs: 1 }], 'rules[0].method'],
    [[{ name: '', path: '/orders', limit: 1, intervalMs: 1 }], 'rules[0].name'],
    [
      [
        { method: 'get', path: '/orders', limit: 1, intervalMs: 1 },
        { method: 'GET', path: '/orders', limit: 2, intervalMs: 1 },
      ],
      'rules[1]',
    ],
  ]
  test.each(cases)('refuses %j with a ConfigurationError naming %s', (rules, option) => {
    expect(() => compileRules(rules)).toThrow(ConfigurationError)
    expect(() => compileRules(rules)).toThrow(`option "${option}"`)
  })

  test('refuses bad limiter options at construction, naming the option', () => {
    const options: [Record<string, unknown>, string][] = [
      [{ defaultRule: { limit: 0, intervalMs: 1000 } }, 'defaultRule.limit'],
      [{ maxQueued: 0 }, 'maxQueued'],
      [{ maxRetryAfterMs: Number.NaN }, 'maxRetryAfterMs'],
      [{ retryAfterPolicy: 'sometimes' }, 'retryAfterPolicy'],
      [{ leaseMs: 0 }, 'leaseMs'],
      [{ store: { acquire: () => {} } }, 'store'],
      [{ clock: { sleep: () => Promise.resolve() } }, 'clock'],
      [{ adaptive: 'yes' }, 'adaptive'],
      [{ logger: {} }, 'logger'],
      [{ onThrottle: 'log' }, 'onThrottle'],
    ]
    for (const [value, option] of options) {
      expect(() => new RateLimiter(value as never), option).toThrow(`option "${option}"`)
    }
  })
})
