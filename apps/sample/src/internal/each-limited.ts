// Works through items with at most `concurrency` at once. The first error stops the rest: no new item starts,
// `abort(error)` cancels the ones in flight, and the error is thrown once every started item has settled, so nothing
// keeps running behind the caller's back.

/**
 * Calls `work` for every item, `concurrency` at a time, in order.
 *
 * @example
 * await eachLimited(orderIds, 8, (error) => controller.abort(error), (orderId) => processOrder(orderId))
 */
export async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  abort: (error: unknown) => void,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  let failed = false
  let firstError: unknown
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (error) {
        if (!failed) {
          failed = true
          firstError = error
          abort(error)
        }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker))
  if (failed) throw firstError
}
