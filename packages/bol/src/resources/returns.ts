import { plainJson } from '../internal/media-types.js'
import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { QueryValues } from '../internal/transport.js'
import type { BolCallOptions, BolIterateOptions } from '../types/common.js'
import type { BolProcess } from '../types/process-status.js'
import type {
  CreateReturnRequest,
  HandleReturnRequest,
  ListReturnsParams,
  ReducedReturn,
  Return,
  ReturnList,
} from '../types/returns.js'

/** Returns: list and read them, handle a returned item, register a return the customer did not announce. */
export interface ReturnsResource {
  /** One page of returns (50 per page). */
  list(params?: ListReturnsParams, options?: BolCallOptions): Promise<ReturnList>
  /** Every return of every page. */
  iterate(params?: Omit<ListReturnsParams, 'page'>, options?: BolIterateOptions): AsyncGenerator<ReducedReturn>
  /** One return with its details; `NotFoundError` for an unknown id. */
  get(returnId: string, options?: BolCallOptions): Promise<Return>
  /** Registers a return for an order item (a `CREATE_RETURN_ITEM` process; `entityId` is the new return id). */
  create(request: CreateReturnRequest, options?: BolCallOptions): Promise<BolProcess>
  /** Records what was done with a returned item (a `HANDLE_RETURN_ITEM` process). */
  handle(rmaId: string, request: HandleReturnRequest, options?: BolCallOptions): Promise<BolProcess>
}

const queryOf = (params: Omit<ListReturnsParams, 'page'>): QueryValues => ({
  handled: params.handled,
  'fulfilment-method': params.fulfilmentMethod,
})

/** The returns resource. */
export function returnsResource(context: ResourceContext): ReturnsResource {
  const path = context.retailer('returns')
  return {
    ...context.listing<'returns', ReducedReturn, ListReturnsParams>(path, 'returns', queryOf),
    get: (returnId, options) => context.transport.json<Return>({ path: `${path}/${segment(returnId)}` }, options),
    // bol's document has this one endpoint take plain JSON.
    create: (request, options) =>
      context.process({ method: 'POST', path, body: request, contentType: plainJson }, options),
    handle: (rmaId, request, options) =>
      context.process({ method: 'PUT', path: `${path}/${segment(rmaId)}`, body: request }, options),
  }
}
