import { pathSegment } from '@b2bkit/provider-kit'
import type { ConvictionalCallOptions, ConvictionalIterateOptions } from './call-options.js'
import type { Api } from './internal/api.js'
import { listing } from './internal/pages.js'
import type { ListPage, ListParams, Product, ProductInput, Variant } from './types.js'

/**
 * Filters of a product list.
 *
 * @example
 * ```ts
 * await client.seller.products.list({ vendor: 'Acme', active: true } satisfies ProductListParams)
 * ```
 */
export interface ProductListParams extends ListParams {
  /** Products with this title, or one like it. */
  title?: string | undefined
  /** Products of this brand (exact). */
  vendor?: string | undefined
  /** Only active (or inactive) products. */
  active?: boolean | undefined
  /** Products with any of these tags, comma-separated (sellers only). */
  tags?: string | undefined
}

/**
 * `client.seller.products`: your catalogue.
 *
 * @example
 * ```ts
 * await client.seller.products.updateVariant(productId, variantId, { inventory_quantity: 0 })
 * ```
 */
export interface SellerProductsResource {
  /** One page of products. */
  list(params?: ProductListParams, options?: ConvictionalCallOptions): Promise<ListPage<Product>>
  /** Every product, following the `next` links. */
  iterate(params?: ProductListParams, options?: ConvictionalIterateOptions): AsyncGenerator<Product, void, undefined>
  /** One product. */
  get(id: string, options?: ConvictionalCallOptions): Promise<Product>
  /** Creates a product with its variants. Not retried: a lost answer may have created it. */
  create(input: ProductInput, options?: ConvictionalCallOptions): Promise<Product>
  /** Changes a product (PATCH); variants, images and options without an `_id` are added, so it is not retried. */
  update(id: string, change: Partial<ProductInput>, options?: ConvictionalCallOptions): Promise<Product>
  /** Deletes a product; resolves with `{ deleted: <id> }`. */
  delete(id: string, options?: ConvictionalCallOptions): Promise<{ deleted?: string | undefined }>
  /** Changes one variant of a product (PATCH): price, inventory, SKU, … Setting fields twice is harmless: retried. */
  updateVariant(
    productId: string,
    variantId: string,
    change: Partial<Omit<Variant, '_id'>>,
    options?: ConvictionalCallOptions,
  ): Promise<Variant>
}

/** Builds `client.seller.products`. */
export function sellerProductsResource(api: Api): SellerProductsResource {
  const products = api.path('products')
  const product = (id: string) => `${products}/${pathSegment(id)}`
  return {
    ...listing<Product, ProductListParams>(api, products),
    get: (id, options = {}) => api.json(product(id), options),
    create: (input, options = {}) => api.json(products, { ...options, method: 'POST', json: input }),
    update: (id, change, options = {}) => api.json(product(id), { ...options, method: 'PATCH', json: change }),
    delete: (id, options = {}) => api.json(product(id), { ...options, method: 'DELETE' }),
    updateVariant: (productId, variantId, change, options = {}) =>
      api.json(`${product(productId)}/variants/${pathSegment(variantId)}`, {
        ...options,
        method: 'PATCH',
        json: change,
        retrySafe: true,
      }),
  }
}
