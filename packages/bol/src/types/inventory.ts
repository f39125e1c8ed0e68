/** The stock of one product in bol's warehouses (bol's `Inventory`), for fulfilment by bol. */
export interface InventoryItem {
  ean: string
  /** bol's stock keeping unit. */
  bsku: string
  /** Stock of second-hand (graded) items. */
  gradedStock: number
  /** Stock of new items. */
  regularStock: number
  title: string
}

/** One page of `inventory.list()`. */
export interface InventoryList {
  inventory: InventoryItem[]
}

/** The filters of `inventory.list()` and `inventory.iterate()`. */
export interface ListInventoryParams {
  /** The page, 50 items each. @default 1 */
  page?: number | undefined
  /** Stock ranges such as `['0-10', '50-100']`. */
  quantity?: readonly string[] | undefined
  /** Whether the stock suffices for the expected sales. */
  stock?: 'SUFFICIENT' | 'INSUFFICIENT' | undefined
  /** New (`REGULAR`) or second-hand (`GRADED`) stock. */
  state?: 'REGULAR' | 'GRADED' | undefined
  /** Text to look for in the EAN or title. */
  query?: string | undefined
}
