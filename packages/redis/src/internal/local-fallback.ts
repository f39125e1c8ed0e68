import { ConfigurationError } from '@b2bkit/http'
import { MemoryRateLimitStore, type RateLimitStore, type SlotReport } from '@b2bkit/rate-limit'
import type { RedisRateLimitStoreOptions } from '../redis-rate-limit-store-options.js'
import { isRedisStoreError } from '../redis-store-error.js'
import { choiceOption, millisecondsOption } from './options.js'

const localPrefix = 'local:'

/**
 * `shared`, or with `fallback: 'local'` a store that turns to a `MemoryRateLimitStore` holding this process to its
 * share of each budget whenever Redis cannot be reached, and back to `shared` once Redis answers. Slots taken
 * locally carry a `local:` id, so they are settled and released where they were taken.
 */
export function withLocalFallback(shared: RateLimitStore, options: RedisRateLimitStoreOptions): RateLimitStore {
  const fallback = choiceOption('fallback', options.fallback, ['error', 'local'], 'error')
  if (fallback === 'error') return shared
  const { fleetSize } = options
  if (typeof fleetSize !== 'number' || !Number.isInteger(fleetSize) || fleetSize < 1) {
    throw new ConfigurationError('fleetSize', "must be a whole number of processes, at least 1, with fallback 'local'")
  }
  const recheckMs = millisecondsOption('fallbackRecheckMs', options.fallbackRecheckMs, 1_000)
  const logger = options.logger ?? console
  const local = new MemoryRateLimitStore()
  let localUntil: number | undefined

  const share = (value: number | undefined, minimum: number) =>
    value === undefined ? undefined : Math.max(minimum, Math.floor(value / fleetSize))
  const scaled = <Request extends { limit: number | undefined }>(request: Request): Request => ({
    ...request,
    limit: share(request.limit, 1),
  })
  const scaledReport = (report: SlotReport): SlotReport => {
    const { budget } = report
    if (budget === undefined) return scaled(report)
    return {
      ...scaled(report),
      budget: { ...budget, limit: share(budget.limit, 1), remaining: share(budget.remaining, 0) },
    }
  }

  /** Runs `remote`, or `onLocal` while Redis is away; switches either way when Redis fails or comes back. */
  async function route<Answer>(now: number, remote: () => Promise<Answer>, onLocal: () => Promise<Answer>) {
    if (localUntil !== undefined && now < localUntil) return onLocal()
    try {
      const answer = await remote()
      if (localUntil !== undefined) {
        localUntil = undefined
        logger.warn('@b2bkit/redis: Redis answers again; back to the shared budget')
      }
      return answer
    } catch (error) {
      if (!isRedisStoreError(error) || error.code === 'REDIS_COMMAND_FAILED') throw error
      if (localUntil === undefined) {
        logger.warn(
          `@b2bkit/redis: ${error.message} (${error.code}); limiting this process to 1/${fleetSize} of each budget until Redis answers`,
        )
      }
      localUntil = now + recheckMs
      return onLocal()
    }
  }

  return {
    acquire: (key, request) =>
      route(
        request.now,
        () => shared.acquire(key, request),
        async () => {
          const result = await local.acquire(key, scaled(request))
          return result.granted ? { ...result, slotId: `${localPrefix}${result.slotId}` } : result
        },
      ),
    settle: (key, slotId, report) =>
      slotId.startsWith(localPrefix)
        ? local.settle(key, slotId.slice(localPrefix.length), scaledReport(report))
        : shared.settle(key, slotId, report),
    release: (key, slotId) =>
      slotId.startsWith(localPrefix)
        ? local.release(key, slotId.slice(localPrefix.length))
        : shared.release(key, slotId),
    snapshot: (key, request) =>
      route(
        request.now,
        () => shared.snapshot(key, request),
        () => local.snapshot(key, scaled(request)),
      ),
  }
}
