import { B2bkitError } from './errors.js'

/** Options shared by both pagination styles. */
export interface PaginateCommonOptions {
  /** Stops the iteration: the page in flight is abandoned and the iterator throws the signal's reason. */
  signal?: AbortSignal | undefined
  /**
   * The most pages to fetch. The iteration ends quietly after this many pages, so set it above what you expect.
   * @default Infinity
   */
  maxPages?: number | undefined
}

/** Page-numbered APIs (`?page=1`, `?page=2`, …): the iteration ends at the first empty page. */
export interface PageNumberPagination<T> extends PaginateCommonOptions {
  /** Fetches one page by its number and returns its items. */
  fetchPage: (page: number, signal: AbortSignal | null) => Promise<readonly T[]>
  /** @default 1 */
  firstPage?: number | undefined
}

/** One page of a cursor or `next`-link API. */
export interface CursorPage<T> {
  /** The items of this page. */
  items: readonly T[]
  /** The cursor or URL of the next page; `undefined`, `null` or `''` when this was the last page. */
  next?: string | null | undefined
}

/** Cursor or `next`-link APIs: the iteration ends when a page names no next page. */
export interface CursorPagination<T> extends PaginateCommonOptions {
  /** Fetches one page by cursor (`undefined` for the first page). */
  fetchCursorPage: (cursor: string | undefined, signal: AbortSignal | null) => Promise<CursorPage<T>>
}

/** The options of `paginate()`: one of the two styles. */
export type PaginateOptions<T> = PageNumberPagination<T> | CursorPagination<T>

/** A cursor API that named the same next page twice, which would loop forever. */
export class PaginationLoopError extends B2bkitError {
  override name = 'PaginationLoopError' as const
  constructor() {
    super('PAGINATION_LOOP', 'the API returned the same next-page cursor twice; stopping instead of looping forever')
  }
}

/**
 * Iterates every item of every page, fetching a page only when the previous one is used up.
 *
 * @example
 * ```ts
 * for await (const order of paginate({ fetchPage: (page) => listOrders({ page }) })) { ... }
 * for await (const product of paginate({ fetchCursorPage: (next) => listProducts(next) })) { ... }
 * ```
 */
export async function* paginate<T>(options: PaginateOptions<T>): AsyncGenerator<T, void, undefined> {
  const { maxPages = Number.POSITIVE_INFINITY } = options
  // `null` rather than `undefined`, as fetch's and ky's `signal` option expects.
  const signal = options.signal ?? null
  if ('fetchPage' in options) {
    const first = options.firstPage ?? 1
    for (let count = 0; count < maxPages; count++) {
      signal?.throwIfAborted()
      const items = await options.fetchPage(first + count, signal)
      signal?.throwIfAborted()
      if (items.length === 0) return
      yield* items
    }
    return
  }
  const seen = new Set<string>()
  let cursor: string | undefined
  for (let count = 0; count < maxPages; count++) {
    signal?.throwIfAborted()
    const page = await options.fetchCursorPage(cursor, signal)
    signal?.throwIfAborted()
    yield* page.items
    if (page.next === undefined || page.next === null || page.next === '') return
    if (seen.has(page.next)) throw new PaginationLoopError()
    seen.add(page.next)
    cursor = page.next
  }
}
