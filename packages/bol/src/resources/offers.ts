import { getRequestId } from '@b2bkit/http'
import { BolResponseError } from '../errors.js'
import { csvRows, parseCsv } from '../internal/csv.js'
import { retailerCsv } from '../internal/media-types.js'
import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { BolCallOptions } from '../types/common.js'
import type {
  CreateOfferRequest,
  OfferExport,
  OfferStock,
  RetailerOffer,
  UpdateOfferPriceRequest,
  UpdateOfferRequest,
} from '../types/offers.js'
import type { BolProcess, BolWaitOptions } from '../types/process-status.js'

/** Options of `offers.export()`: the call options, and how to wait for the export to be ready. */
export interface OfferExportOptions extends BolCallOptions {
  /** How the export process is polled. @default the client's `processPolling` */
  wait?: Omit<BolWaitOptions, 'signal'> | undefined
}

/** Offers: create, read, change and delete them, and export them all as CSV. bol's v10 marks these deprecated. */
export interface OffersResource {
  /** Creates an offer (a `CREATE_OFFER` process; `entityId` is the new offer id). */
  create(offer: CreateOfferRequest, options?: BolCallOptions): Promise<BolProcess>
  /** One offer; `NotFoundError` for an unknown id. */
  get(offerId: string, options?: BolCallOptions): Promise<RetailerOffer>
  /** Changes an offer's reference, hold, title and fulfilment (an `UPDATE_OFFER` process). */
  update(offerId: string, offer: UpdateOfferRequest, options?: BolCallOptions): Promise<BolProcess>
  /** Deletes an offer (a `DELETE_OFFER` process). */
  delete(offerId: string, options?: BolCallOptions): Promise<BolProcess>
  /** Sets an offer's prices (an `UPDATE_OFFER_PRICE` process). */
  updatePrice(offerId: string, price: UpdateOfferPriceRequest, options?: BolCallOptions): Promise<BolProcess>
  /** Sets an offer's stock (an `UPDATE_OFFER_STOCK` process). */
  updateStock(offerId: string, stock: OfferStock, options?: BolCallOptions): Promise<BolProcess>
  /** Exports every offer: asks for the export, waits for its process, then reads the CSV as rows. */
  export(options?: OfferExportOptions): Promise<OfferExport>
  /** Reads a finished export by its report id, as rows. */
  getExport(reportId: string, options?: BolCallOptions): Promise<OfferExport>
}

/** The offers resource. */
export function offersResource(context: ResourceContext): OffersResource {
  const path = context.retailer('offers')
  const one = (offerId: string) => `${path}/${segment(offerId)}`

  const getExport: OffersResource['getExport'] = async (reportId, options) => {
    const response = await context.transport.send(
      { path: `${path}/export/${segment(reportId)}`, accept: retailerCsv },
      options,
    )
    const rows = csvRows(parseCsv(await response.text()))
    return { reportId, rows }
  }

  return {
    create: (offer, options) => context.process({ method: 'POST', path, body: offer }, options),
    get: (offerId, options) => context.transport.json<RetailerOffer>({ path: one(offerId) }, options),
    update: (offerId, offer, options) => context.process({ method: 'PUT', path: one(offerId), body: offer }, options),
    delete: (offerId, options) => context.process({ method: 'DELETE', path: one(offerId) }, options),
    updatePrice: (offerId, price, options) =>
      context.process({ method: 'PUT', path: `${one(offerId)}/price`, body: price }, options),
    updateStock: (offerId, stock, options) =>
      context.process({ method: 'PUT', path: `${one(offerId)}/stock`, body: stock }, options),
    export: async (options = {}) => {
      const { wait, ...callOptions } = options
      // A second export request only makes a second report, so a lost answer may be retried.
      const process = await context.process(
        { method: 'POST', path: `${path}/export`, body: { format: 'CSV' }, retrySafe: true },
        callOptions,
      )
      const done = await process.wait({
        ...wait,
        ...(callOptions.signal === undefined ? {} : { signal: callOptions.signal }),
      })
      if (done.entityId === undefined) {
        throw new BolResponseError('the offer export process ended without a report id (entityId)', {
          requestId: getRequestId(process),
        })
      }
      return getExport(done.entityId, callOptions)
    },
    getExport,
  }
}
