import type { ResourceContext } from '../internal/resource-context.js'
import type { QueryValues } from '../internal/transport.js'
import type { BolCallOptions, BolIterateOptions } from '../types/common.js'
import type { InventoryItem, InventoryList, ListInventoryParams } from '../types/inventory.js'

/** The stock bol keeps for you (fulfilment by bol). */
export interface InventoryResource {
  /** One page of inventory (50 per page). */
  list(params?: ListInventoryParams, options?: BolCallOptions): Promise<InventoryList>
  /** Every inventory item of every page. */
  iterate(params?: Omit<ListInventoryParams, 'page'>, options?: BolIterateOptions): AsyncGenerator<InventoryItem>
}

const queryOf = (params: Omit<ListInventoryParams, 'page'>): QueryValues => ({
  quantity: params.quantity,
  stock: params.stock,
  state: params.state,
  query: params.query,
})

/** The inventory resource. */
export function inventoryResource(context: ResourceContext): InventoryResource {
  const path = context.retailer('inventory')
  return context.listing<'inventory', InventoryItem, ListInventoryParams>(path, 'inventory', queryOf)
}
