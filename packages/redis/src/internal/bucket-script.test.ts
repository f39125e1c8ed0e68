import {
  type BucketRequest,
  type BudgetReport,
  MemoryRateLimitStore,
  type RateLimitStore,
  type SlotResult,
} from '@b2bkit/rate-limit'
import fc from 'fast-check'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { redisRateLimitStore } from '../redis-rate-limit-store.js'
import { connectTestRedis, deleteKeysUnder, uniqueKeyPrefix } from '../test-support/test-redis.js'

// The Lua port of the bucket model must answer exactly as the reference in @b2bkit/rate-limit does: random
// sequences of operations go to both stores, and every answer must match (slot ids aside, which each store makes).

const buckets = {
  known: { limit: 3, intervalMs: 1000 },
  single: { limit: 1, intervalMs: 400 },
  unknown: { limit: undefined, intervalMs: undefined },
} as const
type BucketName = keyof typeof buckets
const bucketNames = Object.keys(buckets) as BucketName[]

type Operation =
  | { kind: 'advance'; milliseconds: number }
  | { kind: 'acquire'; bucket: BucketName; leaseMs: number }
  | { kind: 'settle'; bucket: BucketName; slot: number; budget: BudgetReport | undefined; pauseMs: number | undefined }
  | { kind: 'release'; bucket: BucketName; slot: number }
  | { kind: 'snapshot'; bucket: BucketName }

const bucket = fc.constantFrom(...bucketNames)
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })
// resetAt is relative here; it is made absolute (now + offset) when the operation runs.
const budget: fc.Arbitrary<BudgetReport> = fc.record({
  present: fc.boolean(),
  limit: optional(fc.integer({ min: 0, max: 6 })),
  remaining: optional(fc.integer({ min: 0, max: 6 })),
  resetAt: optional(fc.integer({ min: -500, max: 3000 })),
  windowMs: optional(fc.constantFrom(250, 500, 1000, 1500.5)),
})
const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      milliseconds: fc.oneof(
        fc.constantFrom(0, 1, 99, 100, 399, 400, 999, 1000, 1001),
        fc.double({ min: 0, max: 3000, noNaN: true }),
      ),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('acquire' as const), bucket, leaseMs: fc.constantFrom(300, 2000) }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      bucket,
      slot: fc.nat(8),
      budget: optional(budget),
      pauseMs: optional(fc.integer({ min: -100, max: 2000 })),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('release' as const), bucket, slot: fc.nat(8) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('snapshot' as const), bucket }), weight: 1 },
)

/** Runs `operations` on `store`, recording every answer with slot ids left out. */
async function play(store: RateLimitStore, operations: readonly Operation[], startAt: number): Promise<unknown[]> {
  let now = startAt
  const slots: Record<BucketName, string[]> = { known: [], single: [], unknown: [] }
  const answers: unknown[] = []
  const slotAt = (name: BucketName, index: number) => slots[name][index] ?? 'gone'
  for (const step of operations) {
    if (step.kind === 'advance') {
      now += step.milliseconds
      continue
    }
    const request: BucketRequest = { now, ...buckets[step.bucket] }
    if (step.kind === 'acquire') {
      const result: SlotResult = await store.acquire(step.bucket, { ...request, leaseMs: step.leaseMs })
      if (result.granted) {
        slots[step.bucket].push(result.slotId)
        answers.push({ ...result, slotId: 'granted' })
      } else {
        answers.push(result)
      }
    } else if (step.kind === 'settle') {
      const report = {
        ...request,
        budget: step.budget && {
          ...step.budget,
          resetAt: step.budget.resetAt === undefined ? undefined : now + step.budget.resetAt,
        },
        pauseUntil: step.pauseMs === undefined ? undefined : now + step.pauseMs,
      }
      answers.push(await store.settle(step.bucket, slotAt(step.bucket, step.slot), report))
    } else if (step.kind === 'release') {
      answers.push(await store.release(step.bucket, slotAt(step.bucket, step.slot)))
    } else {
      answers.push(await store.snapshot(step.bucket, request))
    }
  }
  return answers
}

const headers = (values: Partial<BudgetReport>): BudgetReport => ({
  present: true,
  limit: undefined,
  remaining: undefined,
  resetAt: undefined,
  windowMs: undefined,
  ...values,
})

/** Sequences that random ones rarely hit, each with what the reference answers at its last step. */
const edgeCases: { title: string; operations: Operation[]; last: unknown }[] = [
  {
    title: 'keeps the lower count of two caps for one server window',
    operations: [
      {
        kind: 'settle',
        bucket: 'unknown',
        slot: 0,
        budget: headers({ remaining: 0, resetAt: 1000 }),
        pauseMs: undefined,
      },
      {
        kind: 'settle',
        bucket: 'unknown',
        slot: 0,
        budget: headers({ remaining: 2, resetAt: 1500 }),
        pauseMs: undefined,
      },
    ],
    last: { remaining: 0, resetAt: 1500 },
  },
  {
    title: 'starts a new cap for a later server window',
    operations: [
      {
        kind: 'settle',
        bucket: 'unknown',
        slot: 0,
        budget: headers({ remaining: 0, resetAt: 1000 }),
        pauseMs: undefined,
      },
      {
        kind: 'settle',
        bucket: 'unknown',
        slot: 0,
        budget: headers({ remaining: 2, resetAt: 2001 }),
        pauseMs: undefined,
      },
    ],
    last: { remaining: 2, resetAt: 2001 },
  },
  {
    title: 'does not take a bucket with a learned limit for unlimited when an answer has no headers',
    operations: [
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
      { kind: 'settle', bucket: 'unknown', slot: 0, budget: headers({ limit: 3 }), pauseMs: undefined },
      { kind: 'settle', bucket: 'unknown', slot: 9, budget: { ...headers({}), present: false }, pauseMs: undefined },
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
    ],
    last: { granted: false, reason: 'probe', waitMs: 100 },
  },
  {
    title: 'takes a bucket without any limit for unlimited when an answer has no headers',
    operations: [
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
      { kind: 'settle', bucket: 'unknown', slot: 0, budget: { ...headers({}), present: false }, pauseMs: undefined },
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
      { kind: 'acquire', bucket: 'unknown', leaseMs: 2000 },
    ],
    last: { granted: true },
  },
]

describe('the bucket script', () => {
  let redis: Redis
  const keyPrefix = uniqueKeyPrefix('bucket-model')

  beforeAll(async () => {
    redis = await connectTestRedis()
  })
  afterAll(async () => {
    await deleteKeysUnder(redis, keyPrefix)
    redis.disconnect()
  })

  test.each(edgeCases.map((edge, index) => ({ ...edge, index })))(
    '$title, as the reference does',
    async ({ operations, last, index }) => {
      const expected = await play(new MemoryRateLimitStore(), operations, 0)
      expect(expected.at(-1)).toMatchObject(last as object)
      const shared = redisRateLimitStore(redis, { keyPrefix: `${keyPrefix}edge-${index}:`, timeSource: 'caller' })
      expect(await play(shared, operations, 0)).toEqual(expected)
    },
  )

  test('answers every sequence of operations exactly as the in-memory reference store does', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        async (operations, startAt) => {
          run++
          const shared = redisRateLimitStore(redis, { keyPrefix: `${keyPrefix}${run}:`, timeSource: 'caller' })
          const expected = await play(new MemoryRateLimitStore(), operations, startAt)
          expect(await play(shared, operations, startAt)).toEqual(expected)
        },
      ),
      { numRuns: 200 },
    )
  })
})
