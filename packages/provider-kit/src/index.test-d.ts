import type { CreateClientOptions } from '@b2bkit/http'
import type { RateLimiter } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  asDirectory,
  type CommonClientOptions,
  type ComposedProviderClient,
  commonClientOptions,
  composeProviderClient,
  type ProviderCallOptions,
  type ProviderClientStats,
  type ProviderRequest,
  pathSegment,
  readJson,
  requestEntity,
  requestJson,
  requireOneOf,
  send,
  toSearchParams,
} from './index.js'

declare const http: KyInstance

describe('public types', () => {
  it('composeProviderClient returns the ky instance, the limiter and stats()', () => {
    const composed = composeProviderClient({
      client: { baseUrl: 'https://example.test' },
      auth: { name: 'auth', options: {} },
      rateLimit: false,
    })
    expectTypeOf(composed).toEqualTypeOf<ComposedProviderClient>()
    expectTypeOf(composed.http).toEqualTypeOf<KyInstance>()
    expectTypeOf(composed.limiter).toEqualTypeOf<RateLimiter | undefined>()
    expectTypeOf(composed.stats()).toEqualTypeOf<ProviderClientStats>()
    expectTypeOf<ProviderClientStats[keyof ProviderClientStats]>().toEqualTypeOf<number>()
    // @ts-expect-error rateLimit is required: a provider decides, even if it is `false`
    composeProviderClient({ client: { baseUrl: 'https://example.test' }, auth: { name: 'auth', options: {} } })
  })

  it('request helpers take call options and return typed bodies', () => {
    expectTypeOf(send(http, 'x')).resolves.toEqualTypeOf<Response>()
    expectTypeOf(requestJson<{ id: number }>(http, 'x')).resolves.toEqualTypeOf<{ id: number }>()
    expectTypeOf(requestEntity<{ id: number }>(http, 'x', 'invoice')).resolves.toEqualTypeOf<{ id: number }>()
    expectTypeOf(readJson<string[]>(new Response('[]'))).resolves.toEqualTypeOf<string[]>()
    expectTypeOf<ProviderCallOptions>().toMatchTypeOf<ProviderRequest>()
    // @ts-expect-error HEAD is not a method the helpers send
    void send(http, 'x', { method: 'HEAD' })
    expectTypeOf(toSearchParams({ a: 1, b: ['x'] })).toEqualTypeOf<URLSearchParams>()
    expectTypeOf(pathSegment(7)).toEqualTypeOf<string>()
  })

  it('option helpers keep their value types', () => {
    expectTypeOf(requireOneOf('environment', 'x', ['production', 'staging'] as const)).toEqualTypeOf<
      'production' | 'staging'
    >()
    expectTypeOf(commonClientOptions({} satisfies CommonClientOptions)).toEqualTypeOf<Partial<CreateClientOptions>>()
    expectTypeOf(asDirectory('https://example.test')).toEqualTypeOf<string | URL>()
  })
})
