/** Who ships an order item: the retailer (`FBR`, fulfilment by retailer) or bol (`FBB`, fulfilment by bol). */
export type FulfilmentMethod = 'FBR' | 'FBB'

/** The condition of an offered product, from new to moderately used. */
export type ConditionName = 'NEW' | 'AS_NEW' | 'GOOD' | 'REASONABLE' | 'MODERATE'

/** How a customer is addressed. */
export type Salutation = 'MALE' | 'FEMALE' | 'UNKNOWN'

/** One field bol refused, with the reason (bol's `Violation`). */
export interface BolViolation {
  /** The field, such as `orderItems[0].orderItemId`. */
  name: string
  /** Why it was refused. */
  reason: string
}

/** Options every resource method takes as its last argument. */
export interface BolCallOptions {
  /**
   * Aborts the call: a request waiting for a rate-limit slot leaves the queue, one in flight is cancelled.
   * @default none
   */
  signal?: AbortSignal | undefined
  /**
   * The call's priority in the rate limiter: among calls waiting for the same rule, higher goes first.
   * @default 0
   */
  priority?: number | undefined
  /**
   * The timeout of one attempt in milliseconds, or `false` for none; overrides the client's.
   * @default the client's `timeout`
   */
  timeout?: number | false | undefined
}

/** Options of `iterate()`: the call options, plus a cap on the pages fetched. */
export interface BolIterateOptions extends Omit<BolCallOptions, 'timeout'> {
  /**
   * The most pages to fetch; the iteration ends quietly after them.
   * @default Infinity
   */
  maxPages?: number | undefined
}
