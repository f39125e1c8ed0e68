import { isRecord, jsonBody, markApplied } from '../core/exchange.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { isoDateTime } from '../internal/fixtures.js'
import { convictionalError, convictionalJson, listResponse } from './convictional-responses.js'
import { type ConvictionalProduct, type ConvictionalState, newObjectId } from './convictional-state.js'

/** Products (both roles read; the seller creates) and partners. */
export function registerConvictionalCatalogRoutes(router: Router, state: ConvictionalState, runtime: Runtime): void {
  for (const role of ['buyer', 'seller'] as const) {
    router.on('GET', `/${role}/products`, (exchange) => listResponse(exchange, [...state.products.values()]))
    router.on('GET', `/${role}/products/:productId`, (exchange) => {
      const product = state.products.get(exchange.params.productId ?? '')
      return product
        ? convictionalJson(product)
        : convictionalError(404, `Product ${exchange.params.productId} not found.`)
    })
    router.on('GET', `/${role}/partners`, (exchange) =>
      listResponse(
        exchange,
        state.partners.filter((partner) => partner.type !== role),
      ),
    )
  }
  router.on('POST', '/seller/products', (exchange) => {
    const body = jsonBody(exchange)
    if (
      !isRecord(body) ||
      typeof body.title !== 'string' ||
      !Array.isArray(body.variants) ||
      body.variants.length === 0
    ) {
      return convictionalError(400, 'A product needs a title and at least one variant.')
    }
    const now = isoDateTime(runtime.clock.now())
    const product: ConvictionalProduct = {
      _id: newObjectId(runtime.random),
      title: body.title,
      description: typeof body.description === 'string' ? body.description : '',
      vendor: typeof body.vendor === 'string' ? body.vendor : '',
      companyId: state.sellerCompanyId,
      active: body.active !== false,
      variants: body.variants.filter(isRecord).map((variant, index) => ({
        _id: newObjectId(runtime.random),
        sku: typeof variant.sku === 'string' ? variant.sku : `SKU-NEW-${++state.sequences.product}-${index}`,
        barcode: typeof variant.barcode === 'string' ? variant.barcode : '',
        title: typeof variant.title === 'string' ? variant.title : String(body.title),
        inventory_quantity: typeof variant.inventory_quantity === 'number' ? variant.inventory_quantity : 0,
        retailPrice: typeof variant.retailPrice === 'number' ? variant.retailPrice : 0,
        basePrice: typeof variant.basePrice === 'number' ? variant.basePrice : 0,
      })),
      created: now,
      updated: now,
    }
    state.products.set(product._id, product)
    markApplied(exchange, { resourceId: product._id })
    return convictionalJson(product, 201)
  })
}
