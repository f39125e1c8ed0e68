import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { systemClock } from './clock.js'
import { RateLimitedError, RateLimitQueueFullError } from './errors.js'
import type { BudgetEvent, ResumeEvent, ThrottleEvent } from './events.js'
import { MemoryRateLimitStore } from './memory-store.js'
import { RateLimiter } from './rate-limiter.js'
import type { RateLimiterOptions } from './rate-limiter-options.js'
import type { RateLimitStore } from './store.js'
import { manualClock } from './test-support/manual-clock.js'

const url = 'https://api.example.com/orders'
const target = { method: 'GET', url }
const quiet = { warn: () => {} }

function limiterWith(options: RateLimiterOptions = {}) {
  const clock = manualClock()
  const limiter = new RateLimiter({
    rules: [{ path: '/orders', limit: 1, intervalMs: 1000 }],
    clock,
    logger: quiet,
    ...options,
  })
  return { clock, limiter }
}

/** Settles to `'pending'` if the promise has not settled after the microtask queue ran dry. */
async function state(promise: Promise<unknown>): Promise<'pending' | 'fulfilled' | 'rejected'> {
  let result: 'pending' | 'fulfilled' | 'rejected' = 'pending'
  promise.then(
    () => {
      result = 'fulfilled'
    },
    () => {
      result = 'rejected'
    },
  )
  for (let index = 0; index < 20; index++) await Promise.resolve()
  return result
}

describe('RateLimiter', () => {
  test('makes a request wait until the slot of the previous one has counted for a full window after its response', async () => {
    const { clock, limiter } = limiterWith()
    const throttles: ThrottleEvent[] = []
    const resumes: ResumeEvent[] = []
    limiter.on('throttle', (event) => throttles.push(event))
    limiter.on('resume', (event) => resumes.push(event))
    const first = await limiter.acquire(target)
    const second = limiter.acquire(target)
    expect(await state(second)).toBe('pending')
    expect(throttles).toMatchObject([{ rule: '* /orders', reason: 'budget', queueLength: 1, remaining: 0 }])

    await clock.advance(300)
    await first.settle(new Response(null, { status: 200 }))
    await clock.advance(999)
    expect(await state(second)).toBe('pending')
    await clock.advance(1)
    expect(await state(second)).toBe('fulfilled')
    expect(resumes).toMatchObject([{ rule: '* /orders', waitedMs: 1300, queueLength: 0 }])
    expect(limiter.stats()).toMatchObject({ throttledTotal: 1, inFlight: 1, waiting: 0 })
  })

  test('starts waiting requests by priority, then in arrival order', async () => {
    const { clock, limiter } = limiterWith()
    const started: string[] = []
    const held = await limiter.acquire(target)
    const queue = [
      ['bulk-1', 0],
      ['bulk-2', 0],
      ['interactive', 10],
      ['bulk-3', 0],
    ] as const
    const done = queue.map(([name, priority]) =>
      limiter.acquire({ ...target, priority }).then(async (slot) => {
        started.push(name)
        await slot.settle()
      }),
    )
    await held.settle()
    await clock.advance(5000)
    await Promise.all(done)
    // bulk-1 was already at the head of the line, waiting for the slot; the interactive call jumps the others.
    expect(started).toEqual(['bulk-1', 'interactive', 'bulk-2', 'bulk-3'])
  })

  test('removes a waiting request when its signal aborts, rejects with the reason, and keeps its place for the next', async () => {
    const { clock, limiter } = limiterWith()
    const held = await limiter.acquire(target)
    const controller = new AbortController()
    const aborted = limiter.acquire({ ...target, signal: controller.signal })
    const next = limiter.acquire(target)
    controller.abort(new Error('the user left'))
    await expect(aborted).rejects.toThrow('the user left')

    await held.settle()
    await clock.advance(1000)
    expect(await state(next)).toBe('fulfilled')
    expect(limiter.stats()).toMatchObject({ waiting: 0, inFlight: 1 })
  })

  test('rejects a request already aborted without queueing it', async () => {
    const { limiter } = limiterWith()
    await expect(limiter.acquire({ ...target, signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone')
    expect(limiter.stats().waiting).toBe(0)
  })

  test('refuses a request with a RateLimitQueueFullError once maxQueued requests wait', async () => {
    const { limiter } = limiterWith({ maxQueued: 2 })
    await limiter.acquire(target)
    const waiting = [limiter.acquire(target), limiter.acquire(target)]
    const refused = await limiter.acquire(target).catch((error: unknown) => error)

    expect(refused).toBeInstanceOf(RateLimitQueueFullError)
    expect(refused).toMatchObject({ code: 'RATE_LIMIT_QUEUE_FULL', rule: '* /orders', maxQueued: 2 })
    expect(String((refused as Error).message)).toMatch(/2 requests already wait/)
    expect(limiter.stats()).toMatchObject({ waiting: 2, queueFullTotal: 1 })
    expect(await state(Promise.race(waiting))).toBe('pending')
  })

  test('pauses the whole rule after a 429 and lets nothing through before its Retry-After', async () => {
    const { clock, limiter } = limiterWith({ rules: [{ path: '/orders', limit: 100, intervalMs: 1000 }] })
    const slot = await limiter.acquire(target)
    const outcome = await slot.settle(new Response(null, { status: 429, headers: { 'Retry-After': '30' } }))
    expect(outcome).toMatchObject({ status: 'rate-limited', action: 'retry', retryAfterMs: 30_000 })

    const waiting = Array.from({ length: 3 }, () => limiter.acquire(target))
    await clock.advance(29_999)
    expect(await state(Promise.race(waiting))).toBe('pending')
    await clock.advance(1)
    expect(await state(Promise.all(waiting))).toBe('fulfilled')
    expect(limiter.stats().rateLimitedTotal).toBe(1)
  })

  test('fails the rule fast under the fail policy when the server asks for a longer pause than maxRetryAfterMs', async () => {
    const { clock, limiter } = limiterWith({ retryAfterPolicy: 'fail', maxRetryAfterMs: 60_000 })
    const slot = await limiter.acquire(target)
    const outcome = await slot.settle(new Response(null, { status: 429, headers: { 'Retry-After': '600' } }))
    expect(outcome).toMatchObject({ status: 'rate-limited', action: 'fail', retryAt: clock.now() + 600_000 })

    const error = await limiter.acquire(target).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ rule: '* /orders', retryAt: clock.now() + 600_000 })
    expect((error as Error).message).toMatch(/until .*Z \(600 s\)/)
  })

  test('runs a task again after a 429 once the pause is over (schedule)', async () => {
    const { clock, limiter } = limiterWith()
    const statuses = [429, 200]
    let runs = 0
    const result = limiter.schedule(target, async () => {
      runs++
      return new Response(null, { status: statuses.shift() ?? 500, headers: { 'Retry-After': '2' } })
    })
    await clock.advance(1999)
    expect(runs).toBe(1)
    await clock.advance(1)
    expect((await result).status).toBe(200)
    expect(limiter.stats()).toMatchObject({ rateLimitedTotal: 1, retriesTotal: 1, inFlight: 0 })
  })

  test('settles the slot and rethrows when a scheduled task fails', async () => {
    const { limiter } = limiterWith()
    await expect(limiter.schedule(target, async () => Promise.reject(new Error('socket hang up')))).rejects.toThrow(
      'socket hang up',
    )
    expect(limiter.stats().inFlight).toBe(0)
  })

  test('wakes the request behind a probe as soon as the probe is answered, without waiting on a timer', async () => {
    const { limiter } = limiterWith({ rules: [] })
    const probe = await limiter.acquire(target)
    const next = limiter.acquire(target)
    expect(await state(next)).toBe('pending')
    await probe.settle(new Response(null, { status: 200 }))
    expect(await state(next)).toBe('fulfilled')
  })

  test('emits the budget a response told, and survives a listener that throws', async () => {
    const warnings: string[] = []
    const { limiter } = limiterWith({ rules: [], logger: { warn: (message) => warnings.push(message) } })
    const budgets: BudgetEvent[] = []
    limiter.on('budget', () => {
      throw new Error('listener bug')
    })
    const stop = limiter.on('budget', (event) => budgets.push(event))
    const slot = await limiter.acquire(target)
    await slot.settle(
      new Response(null, {
        headers: { 'X-RateLimit-Limit': '8', 'X-RateLimit-Remaining': '7', 'X-RateLimit-Reset': '60' },
      }),
    )
    stop()
    await (await limiter.acquire(target)).settle(new Response(null, { headers: { 'X-RateLimit-Remaining': '6' } }))

    expect(budgets).toEqual([
      { rule: 'GET /orders', limit: 8, remaining: 7, resetAt: expect.any(Number), queueLength: 0 },
    ])
    expect(warnings.join('\n')).toMatch(/an event listener threw: Error: listener bug/)
  })

  test('calls onThrottle for each wait', async () => {
    const throttles: ThrottleEvent[] = []
    const { limiter } = limiterWith({ onThrottle: (event) => throttles.push(event) })
    await limiter.acquire(target)
    void limiter.acquire(target)
    await state(Promise.resolve())
    expect(throttles).toHaveLength(1)
  })

  test('leaves no sleeper and no timer behind once the queue is empty', async () => {
    const { clock, limiter } = limiterWith()
    const slots = [limiter.acquire(target), limiter.acquire(target), limiter.acquire(target)]
    for (const slot of slots) {
      await clock.advance(2000)
      await (await slot).settle()
    }
    expect(clock.sleepers()).toBe(0)
  })

  test('the system clock removes its timer as soon as a sleep is woken early', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
    const controller = new AbortController()
    const before = timers()
    const sleeping = systemClock.sleep(60_000, controller.signal)
    expect(timers()).toBe(before + 1)
    controller.abort()
    expect(timers()).toBe(before)
    await sleeping
  })

  test('accepts a plain { now() } clock, as other b2bkit packages take, and waits with real timers', async () => {
    const limiter = new RateLimiter({
      rules: [{ path: '/orders', limit: 1, intervalMs: 40 }],
      clock: { now: () => Date.now() },
    })
    await (await limiter.acquire(target)).settle()
    const settledAt = Date.now()
    await limiter.acquire(target)
    expect(Date.now() - settledAt).toBeGreaterThanOrEqual(35)
  })

  test('sends requests that match no rule through one shared default rule', async () => {
    const { limiter } = limiterWith({ defaultRule: { limit: 1, intervalMs: 1000 } })
    expect(limiter.ruleFor('GET', 'https://x/invoices')).toBe('default')
    expect(limiter.ruleFor('POST', 'https://x/contacts/9')).toBe('default')
    expect(limiter.ruleFor('GET', 'https://x/orders?page=2')).toBe('* /orders')
    await limiter.acquire({ method: 'GET', url: 'https://x/invoices' })
    expect(await state(limiter.acquire({ method: 'POST', url: 'https://x/contacts/9' }))).toBe('pending')
    expect(await state(limiter.acquire(target))).toBe('fulfilled')
  })

  test('learns one budget per route, folding ids, for requests that match no rule', () => {
    const { limiter } = limiterWith({ rules: [] })
    expect(limiter.ruleFor('GET', 'https://x/retailer/orders/1043946570')).toBe('GET /retailer/orders/*')
    expect(limiter.ruleFor('get', 'https://x/products/8712345678901/offers')).toBe('GET /products/*/offers')
    expect(limiter.ruleFor('PUT', 'https://x/invoices/0b6a3f2e-1c9d-4a8b-9e7f-2d4c6b8a0e1f')).toBe('PUT /invoices/*')
    expect(limiter.ruleFor('GET', 'https://x/v10/orders')).toBe('GET /v10/orders')
  })

  test('gives a released slot to the next request at once', async () => {
    const { limiter } = limiterWith()
    const first = await limiter.acquire(target)
    const second = limiter.acquire(target)
    expect(await state(second)).toBe('pending')
    await first.release()
    expect(await state(second)).toBe('fulfilled')
  })

  test('fails a request whose slot the store cannot give, and keeps an answered request when the store cannot settle it', async () => {
    const warnings: string[] = []
    const store = new MemoryRateLimitStore()
    let down = false
    const flaky: RateLimitStore = {
      acquire: async (key, request) => (down ? Promise.reject(new Error('store down')) : store.acquire(key, request)),
      settle: async (key, slotId, report) =>
        down ? Promise.reject(new Error('store down')) : store.settle(key, slotId, report),
      release: (key, slotId) => store.release(key, slotId),
      snapshot: (key, request) => store.snapshot(key, request),
    }
    const { limiter } = limiterWith({ store: flaky, logger: { warn: (message) => warnings.push(message) } })
    const slot = await limiter.acquire(target)
    down = true
    expect(await slot.settle(new Response(null, { status: 200 }))).toEqual({ status: 'ok' })
    expect(warnings.join('\n')).toMatch(/the store could not settle a slot: store down/)
    await expect(limiter.acquire(target)).rejects.toThrow('store down')
    expect(limiter.stats()).toMatchObject({ waiting: 0, inFlight: 0 })
  })

  test('lets requests through untouched when no rule matches and adaptive is off', async () => {
    const { limiter } = limiterWith({ adaptive: false })
    const slots = await Promise.all(
      Array.from({ length: 10 }, () => limiter.acquire({ method: 'GET', url: 'https://x/other' })),
    )
    expect(slots.every((slot) => slot.rule === undefined)).toBe(true)
    expect(limiter.stats()).toMatchObject({ inFlight: 0, throttledTotal: 0 })
  })
})

describe('errors', () => {
  test('RateLimitedError keeps its response out of JSON and inspect output', () => {
    const response = new Response('secret body', { status: 429, headers: { Authorization: 'Bearer abc123' } })
    const error = new RateLimitedError('GET /orders', Date.UTC(2030, 0, 1), 90_000, { response, requestId: 'r-1' })
    expect(error.response).toBe(response)
    expect(error.toJSON()).toEqual({
      name: 'RateLimitedError',
      code: 'RATE_LIMITED',
      message:
        'the server paused "GET /orders" until 2030-01-01T00:00:00.000Z (90 s), longer than maxRetryAfterMs allows',
      requestId: 'r-1',
      rule: 'GET /orders',
      retryAt: '2030-01-01T00:00:00.000Z',
    })
    expect(inspect(error)).not.toContain('abc123')
    expect(inspect(error)).not.toContain('secret body')
  })
})
