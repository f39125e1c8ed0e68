import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ConvictionalClient,
  type ConvictionalClientStats,
  type CreateOrderOptions,
  createConvictionalClient,
  type ListPage,
  type Me,
  type Order,
  type OrderItem,
  type Product,
} from './index.js'

describe('public types', () => {
  it('createConvictionalClient needs an API key', () => {
    expectTypeOf(createConvictionalClient({ apiKey: 'k' })).toEqualTypeOf<ConvictionalClient>()
    // @ts-expect-error apiKey is required
    createConvictionalClient({})
    createConvictionalClient({ apiKey: 'k', paths: { seller: 'seller' }, rateLimit: false })
  })

  it('returns typed resources per API, and the machinery', () => {
    const client = createConvictionalClient({ apiKey: 'k' })
    expectTypeOf(client.seller.orders.get('o')).resolves.toEqualTypeOf<Order>()
    expectTypeOf(client.seller.orders.list()).resolves.toEqualTypeOf<ListPage<Order>>()
    expectTypeOf(client.seller.orders.cancelItem('o', 'i', { newQuantity: 1 })).resolves.toEqualTypeOf<OrderItem>()
    expectTypeOf(client.seller.products.iterate()).toEqualTypeOf<AsyncGenerator<Product, void, undefined>>()
    expectTypeOf(client.buyer.orders.create).parameter(1).toEqualTypeOf<CreateOrderOptions | undefined>()
    expectTypeOf(client.me()).resolves.toEqualTypeOf<Me>()
    expectTypeOf(client.http).toEqualTypeOf<KyInstance>()
    expectTypeOf(client.stats()).toEqualTypeOf<ConvictionalClientStats>()
    // @ts-expect-error an order needs its buyerReference
    void client.buyer.orders.create({ address: {}, items: [] })
    // @ts-expect-error the seller API has no order create
    void client.seller.orders.create
  })
})
