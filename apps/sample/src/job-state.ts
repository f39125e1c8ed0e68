import { createCoalescingWriter, readFileIfExists } from './internal/atomic-file.ts'
import { SampleConfigurationError } from './sample-errors.ts'

/** One line of an order, as much as the invoice and the purchase order need. */
export interface OrderLine {
  orderItemId: string
  ean: string
  title: string
  /** Units ordered and not cancelled: what is invoiced and bought. */
  quantity: number
  /** What was left to ship when the order was first read. */
  openQuantity: number
  /** The price per unit, VAT included (bol's `unitPrice`). */
  unitPrice: number
}

/** What the job keeps of a bol order: the lines and where it goes. */
export interface OrderDetails {
  placedAt: string | undefined
  customer: { name: string; street: string; zipCode: string; city: string; countryCode: string }
  lines: OrderLine[]
  /** The order's total, VAT included. */
  total: number
}

/** Everything the job has done for one order. A step's field is set once the provider confirmed it. */
export interface OrderRecord {
  orderId: string
  firstSeenAt: string
  details?: OrderDetails
  shipment?: { processStatusId: string | undefined; shippedAt: string }
  invoice?: { id: number; number: string; sentAt?: string }
  purchaseOrder?: { id: string; placedAt: string }
  proposal?: { id: string; openedAt: string; updatedAt?: string }
  /** Why the last run gave up on this order; the next run tries again. */
  failure?: { step: string; message: string; at: string }
}

/** The state file's content. */
export interface JobStateData {
  version: 1
  scope: string
  description: string
  createdAt: string
  updatedAt: string
  orders: Record<string, OrderRecord>
}

/** What to do with a state file written for other accounts (or an emulator session that is gone). */
export type OtherScope = 'replace' | 'refuse'

/** Options of `openJobState()`. */
export interface JobStateOptions {
  /** The accounts this run talks to (`JobConfig.scope`). */
  scope: string
  /** A secret-free description of them, kept in the file for people. */
  description: string
  /**
   * `'replace'` starts a new state over a file of another scope (the emulators: their data is gone with the process
   * that ran them); `'refuse'` throws `SampleConfigurationError` (live accounts: never mix up two accounts' progress).
   */
  otherScope: OtherScope
  /** The clock of the timestamps. @default Date.now */
  now?: (() => number) | undefined
}

/** The job's local state: the orders it knows and what it did for each, written atomically after every change. */
export interface JobState {
  /** The file. */
  readonly path: string
  /** Every order the state knows, in the order they were first seen. */
  orders(): OrderRecord[]
  /** One order, or `undefined`. */
  get(orderId: string): OrderRecord | undefined
  /** Adds orders not known yet (one write for all of them). */
  add(orderIds: readonly string[]): Promise<void>
  /** Changes an order and resolves once the change is on disk. */
  update(orderId: string, change: (record: OrderRecord) => void): Promise<void>
  /** An ISO timestamp from the state's clock. */
  timestamp(): string
}

function parse(path: string, text: string): JobStateData {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new SampleConfigurationError(`the state file ${path} is not JSON; move it away to start over.`, {
      cause: error,
    })
  }
  const candidate = data as Partial<JobStateData> | null
  if (candidate?.version !== 1 || typeof candidate.orders !== 'object' || typeof candidate.scope !== 'string') {
    throw new SampleConfigurationError(`the state file ${path} is not a version 1 state file; move it away.`)
  }
  return candidate as JobStateData
}

/**
 * Opens (or starts) the state file at `path`. Nothing is written until the first change.
 *
 * @example
 * const state = await openJobState('.sample-state/state.json', { scope, description, otherScope: 'refuse' })
 * await state.update(orderId, (record) => { record.invoice = { id: 7, number: 'BOL-1' } })
 */
export async function openJobState(path: string, options: JobStateOptions): Promise<JobState> {
  const now = options.now ?? Date.now
  const timestamp = () => new Date(now()).toISOString()
  const text = await readFileIfExists(path)
  let data = text === undefined ? undefined : parse(path, text)
  if (data !== undefined && data.scope !== options.scope) {
    if (options.otherScope === 'refuse') {
      throw new SampleConfigurationError(
        `the state file ${path} belongs to other accounts (${data.description}); pass --state-file to use another file.`,
      )
    }
    data = undefined
  }
  const state: JobStateData = data ?? {
    version: 1,
    scope: options.scope,
    description: options.description,
    createdAt: timestamp(),
    updatedAt: timestamp(),
    orders: {},
  }
  const writer = createCoalescingWriter(path, () => `${JSON.stringify(state, null, 2)}\n`)
  const save = () => {
    state.updatedAt = timestamp()
    return writer.save()
  }

  return {
    path,
    orders: () => Object.values(state.orders),
    get: (orderId) => state.orders[orderId],
    add: async (orderIds) => {
      const fresh = orderIds.filter((orderId) => state.orders[orderId] === undefined)
      if (fresh.length === 0) return
      for (const orderId of fresh) state.orders[orderId] = { orderId, firstSeenAt: timestamp() }
      await save()
    },
    update: async (orderId, change) => {
      const record = state.orders[orderId]
      if (record === undefined) throw new RangeError(`order ${orderId} is not in the state`)
      change(record)
      await save()
    },
    timestamp,
  }
}
