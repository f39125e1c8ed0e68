import type { TokenSource } from '@b2bkit/auth'
import type { RateLimiter } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type BolClient,
  type BolClientOptions,
  type BolClientStats,
  type BolProcess,
  type BolProcessStatus,
  type BolPushNotification,
  type BolWebhookError,
  bolRateLimitRules,
  createBolClient,
  type OfferExport,
  type Order,
  type ReducedOrder,
  type RetailerOffer,
  verifyBolWebhook,
} from './index.js'

describe('the public API of @b2bkit/bol', () => {
  it('builds a client from the required options only', () => {
    expectTypeOf(createBolClient).parameter(0).toEqualTypeOf<BolClientOptions>()
    expectTypeOf(createBolClient).returns.toEqualTypeOf<BolClient>()
    expectTypeOf<Pick<BolClientOptions, 'clientId' | 'clientSecret' | 'environment'>>().toEqualTypeOf<{
      clientId: string
      clientSecret: string
      environment: 'production' | 'demo'
    }>()
    // @ts-expect-error the environment is required, so production is never hit by accident
    createBolClient({ clientId: 'id', clientSecret: 'secret' })
    // @ts-expect-error only production and demo exist
    createBolClient({ clientId: 'id', clientSecret: 'secret', environment: 'staging' })
  })

  it('exposes the parts the client is made of, and plain statistics', () => {
    expectTypeOf<BolClient['http']>().toEqualTypeOf<KyInstance>()
    expectTypeOf<BolClient['tokens']>().toEqualTypeOf<TokenSource>()
    expectTypeOf<BolClient['limiter']>().toEqualTypeOf<RateLimiter | undefined>()
    expectTypeOf<ReturnType<BolClient['stats']>>().toEqualTypeOf<BolClientStats>()
    expectTypeOf<BolClientStats[keyof BolClientStats]>().toEqualTypeOf<number>()
    expectTypeOf(bolRateLimitRules).toMatchTypeOf<readonly { path: string; limit: number; intervalMs: number }[]>()
  })

  it('types every resource method: input, output, and the optional call options', () => {
    const bol = {} as BolClient
    expectTypeOf(bol.orders.get).returns.resolves.toEqualTypeOf<Order>()
    expectTypeOf(bol.orders.iterate).returns.toEqualTypeOf<AsyncGenerator<ReducedOrder>>()
    expectTypeOf(bol.offers.get).returns.resolves.toEqualTypeOf<RetailerOffer>()
    expectTypeOf(bol.offers.export).returns.resolves.toEqualTypeOf<OfferExport>()
    expectTypeOf(bol.shipments.create).returns.resolves.toEqualTypeOf<BolProcess>()
    expectTypeOf(bol.processStatus.waitMany).returns.resolves.toEqualTypeOf<BolProcessStatus[]>()
    expectTypeOf(bol.orders.list)
      .parameter(1)
      .toEqualTypeOf<
        | { signal?: AbortSignal | undefined; priority?: number | undefined; timeout?: number | false | undefined }
        | undefined
      >()
    expectTypeOf(bol.orders.cancel).toBeCallableWith({ orderItemId: '1', reasonCode: 'OUT_OF_STOCK' })
    // @ts-expect-error bol takes one cancellation reason from its list
    expectTypeOf(bol.orders.cancel).toBeCallableWith({ orderItemId: '1', reasonCode: 'BORED' })
    // @ts-expect-error a shipment needs its order items
    expectTypeOf(bol.shipments.create).toBeCallableWith({ shipmentReference: 'x' })
  })

  it('gives every process a wait() that resolves to the final status', () => {
    expectTypeOf<BolProcess>().toMatchTypeOf<BolProcessStatus>()
    expectTypeOf<BolProcess['wait']>().returns.resolves.toEqualTypeOf<BolProcessStatus>()
    expectTypeOf<BolProcessStatus['status']>().toEqualTypeOf<'PENDING' | 'SUCCESS' | 'FAILURE' | 'TIMEOUT'>()
  })

  it('verifies webhooks from a Request or raw parts', () => {
    expectTypeOf(verifyBolWebhook).returns.resolves.toEqualTypeOf<BolPushNotification>()
    expectTypeOf(verifyBolWebhook).toBeCallableWith(new Request('https://shop.example/hook'), { keys: [] })
    expectTypeOf(verifyBolWebhook).toBeCallableWith({ headers: {}, body: '' }, { keys: { signatureKeys: [] } })
    expectTypeOf<BolWebhookError['reason']>().toEqualTypeOf<
      | 'missing-signature'
      | 'malformed-signature'
      | 'unsupported-algorithm'
      | 'unknown-key'
      | 'invalid-key'
      | 'bad-signature'
      | 'malformed-body'
    >()
  })
})
