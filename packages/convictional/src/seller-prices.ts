import { pathSegment } from '@b2bkit/provider-kit'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
import type { Api } from './internal/api.js'
import { listing } from './internal/pages.js'
import type { ListPage, ListParams, PriceList } from './types.js'

/**
 * `client.seller.prices`: the price lists you give partners.
 *
 * @example
 * ```ts
 * await client.seller.prices.create({ name: 'Canada', prices: [{ sku: 'DESK-1', price: 200 }] })
 * ```
 */
export interface SellerPricesResource {
  /** One page of price lists. */
  list(params?: ListParams, options?: ConvictionalCallOptions): Promise<ListPage<PriceList>>
  /** Every price list. */
  iterate(params?: ListParams, options?: ConvictionalIterateOptions): AsyncGenerator<PriceList, void, undefined>
  /** One price list. */
  get(id: string, options?: ConvictionalCallOptions): Promise<PriceList>
  /** Creates a price list. Not retried: a lost answer may have created it. */
  create(input: Omit<PriceList, '_id'>, options?: ConvictionalCallOptions): Promise<PriceList>
  /** Replaces a price list (PUT). */
  update(id: string, input: Omit<PriceList, '_id'>, options?: ConvictionalCallOptions): Promise<PriceList>
  /** Deletes a price list. */
  delete(id: string, options?: ConvictionalCallOptions): Promise<Record<string, unknown>>
}

/** Builds `client.seller.prices`. */
export function sellerPricesResource(api: Api): SellerPricesResource {
  const prices = api.path('prices')
  const price = (id: string) => `${prices}/${pathSegment(id)}`
  return {
    ...listing<PriceList>(api, prices),
    get: (id, options = {}) => api.json(price(id), options),
    create: (input, options = {}) => api.json(prices, { ...options, method: 'POST', json: input }),
    update: (id, input, options = {}) => api.json(price(id), { ...options, method: 'PUT', json: input }),
    delete: (id, options = {}) => api.json(price(id), { ...options, method: 'DELETE' }),
  }
}
