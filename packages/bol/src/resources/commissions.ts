import { type ResourceContext, segment } from '../internal/resource-context.js'
import type {
  BulkCommissionList,
  BulkCommissionQuery,
  Commission,
  CommissionQuery,
  CommissionRatesResult,
} from '../types/commissions.js'
import type { BolCallOptions } from '../types/common.js'

/** What bol charges per sale: for one EAN, for up to 100 in bulk, and the rates over time. */
export interface CommissionsResource {
  /** The commission for one EAN at one price; `NotFoundError` for an EAN bol does not know. */
  get(ean: string, query: CommissionQuery, options?: BolCallOptions): Promise<Commission>
  /** The commissions of 1 to 100 EAN and price pairs in one call. */
  getMany(queries: readonly BulkCommissionQuery[], options?: BolCallOptions): Promise<BulkCommissionList>
  /** The commission rates of 1 to 100 EANs by date and price range; EANs bol does not know are in `failedQueries`. */
  rates(eans: readonly string[], options?: BolCallOptions): Promise<CommissionRatesResult>
}

/** The commissions resource. The two bulk calls are POSTs that only read, so they are retried like GETs. */
export function commissionsResource(context: ResourceContext): CommissionsResource {
  return {
    get: (ean, { unitPrice, condition }, options) =>
      context.transport.json<Commission>(
        { path: context.retailer(`commission/${segment(ean)}`), query: { 'unit-price': unitPrice, condition } },
        options,
      ),
    getMany: (queries, options) =>
      context.transport.json<BulkCommissionList>(
        {
          method: 'POST',
          path: context.retailer('commission'),
          body: { commissionQueries: queries },
          retrySafe: true,
        },
        options,
      ),
    rates: (eans, options) =>
      context.transport.json<CommissionRatesResult>(
        {
          method: 'POST',
          path: context.retailer('commissions'),
          body: { products: eans.map((ean) => ({ ean })) },
          retrySafe: true,
        },
        options,
      ),
  }
}
