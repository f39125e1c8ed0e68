// End to end: the job against the four emulators, in-process, checked against the emulators' own state and logs.
import { copyFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type DemoWorld, type DemoWorldOptions, demoFaults, demoJobConfig, startDemoWorld } from '../src/demo-world.ts'
import type { JobProgress } from '../src/job-progress.ts'
import { runJob } from '../src/run-job.ts'
import { appliedWrites, exactlyOnce, footprints, seededOpenOrders, temporaryDirectory } from './exactly-once.ts'

const threshold = 150
const stormFaults = { errorRate: 0.1, resetRate: 0.02, latencyMs: [0, 100], timing: 'random' } as const
/**
 * Convictional's bucket at 25 a second instead of 5 (the client learns it from the rate-limit headers), to keep the
 * suite fast where the test is about what the job does, not how it paces itself; the first test keeps 5.
 */
const fasterSupplier = {
  convictional: { rateLimits: [{ path: '/**', limit: 25, intervalMs: 1000, window: 'fixed' }] },
} as const

let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()))
  cleanups = []
})

/** A demo world of 12 open orders on 3 pages and a temporary state file; both go away after the test. */
async function setUp(options: DemoWorldOptions = {}) {
  const world = await startDemoWorld({ openOrders: 12, ordersPageSize: 5, processDelayMs: 30, ...options })
  const directory = await temporaryDirectory()
  cleanups.push(
    () => world.stop(),
    () => directory.remove(),
  )
  const stateFile = join(directory.path, 'state.json')
  const config = demoJobConfig(world, { stateFile, proposalThreshold: threshold })
  return { world, config, stateFile, orders: seededOpenOrders(world) }
}

const orderIdsOf = (orders: ReadonlyArray<{ orderId: string }>) => orders.map((order) => order.orderId)
const writeCount = (world: DemoWorld) => Object.values(world.emulators).map((emulator) => emulator.writes.length)

describe('the order-to-invoice job', () => {
  it('processes every open order on every page, and a second run creates nothing new', async () => {
    const { world, config, orders } = await setUp({ seed: 11 })
    expect(orders).toHaveLength(12)

    const first = await runJob(config)
    expect(first.outcome).toBe('completed')
    expect(first.orders).toMatchObject({ open: 12, pages: 3, completed: 12, failed: 0 })
    expect(footprints(world, orderIdsOf(orders))).toEqual(exactlyOnce(orders, threshold))
    expect(world.emulators.bol.requests.filter((request) => request.path === '/retailer/orders')).not.toHaveLength(0)

    const writesBefore = writeCount(world)
    const applied = appliedWrites(world)
    const second = await runJob(config)
    expect(second.outcome).toBe('completed')
    expect(second.orders).toMatchObject({ open: 0, resumed: 0 })
    expect(Object.values(second.thisRun).every((count) => count === 0)).toBe(true)
    // Not one write request reached any provider, let alone changed state.
    expect(writeCount(world)).toEqual(writesBefore)
    expect(appliedWrites(world)).toEqual(applied)
    expect(footprints(world, orderIdsOf(orders))).toEqual(exactlyOnce(orders, threshold))
  })

  it('processes every order exactly once through a fault storm with a token-endpoint outage', async () => {
    const { world, config, orders } = await setUp({ seed: 23, faults: stormFaults, emulators: fasterSupplier })
    let outage = false
    const onProgress = (progress: JobProgress) => {
      if (outage || progress.stages.shipped.done < 3) return
      outage = true
      // Mid-run: every token issued so far is refused, and the token endpoints answer 503 for a second.
      for (const emulator of [world.emulators.bol, world.emulators.siesmart]) {
        emulator.setFaults({ ...stormFaults, tokenOutage: { durationMs: 1000 } })
        emulator.expireTokens()
      }
    }
    const summary = await runJob(config, { onProgress })
    expect(summary.error).toBeUndefined()
    expect(summary.outcome).toBe('completed')
    expect(outage).toBe(true)
    expect(footprints(world, orderIdsOf(orders))).toEqual(exactlyOnce(orders, threshold))
    // The storm did strike: 5xx answers, resets and refused token requests.
    const received = Object.values(world.emulators).flatMap((emulator) => emulator.requests)
    expect(received.filter((request) => request.fault === 'error').length).toBeGreaterThan(5)
    expect(received.filter((request) => request.fault === 'reset').length).toBeGreaterThan(0)
    expect(world.emulators.bol.requests.filter((request) => request.fault === 'token-outage').length).toBeGreaterThan(0)
    expect(summary.providers.bol.tokenRequests).toBeGreaterThan(1)
    expect(Object.values(summary.providers).reduce((sum, stats) => sum + stats.retries, 0)).toBeGreaterThan(0)
  })

  it('creates nothing twice when the state file lost the last writes (a crash after the provider said yes)', async () => {
    const { world, config, orders, stateFile } = await setUp({ seed: 31, emulators: fasterSupplier })
    const snapshot = `${stateFile}.snapshot`
    let copied = false
    const onProgress = (progress: JobProgress) => {
      // An atomic state file is always whole: a copy taken mid-run is the state of a run that crashed right then.
      if (copied || progress.stages.invoiced.done < 4) return
      copyFileSync(stateFile, snapshot)
      copied = true
    }
    expect((await runJob(config, { onProgress })).outcome).toBe('completed')
    const lost = JSON.parse(await readFile(snapshot, 'utf8')) as { orders: Record<string, { shipment?: unknown }> }
    expect(Object.values(lost.orders).filter((order) => order.shipment === undefined).length).toBeGreaterThan(0)
    await writeFile(stateFile, JSON.stringify(lost))
    const shipmentsBefore = world.emulators.bol.state.shipments.size

    const rerun = await runJob(config)
    expect(rerun.outcome).toBe('completed')
    expect(rerun.orders.resumed).toBeGreaterThan(0)
    expect(world.emulators.bol.state.shipments.size).toBe(shipmentsBefore)
    expect(footprints(world, orderIdsOf(orders))).toEqual(exactlyOnce(orders, threshold))
    // The rerun asked bol what became of the shipments instead of sending them again.
    expect(world.emulators.bol.requests.some((request) => request.path === '/shared/process-status')).toBe(true)
  })

  it('stops on its signal mid-run, and the next run finishes the job without doing anything twice', async () => {
    const { world, config, orders, stateFile } = await setUp({
      seed: 47,
      faults: demoFaults,
      emulators: fasterSupplier,
    })
    const controller = new AbortController()
    const onProgress = (progress: JobProgress) => {
      if (progress.stages.shipped.done >= 5) controller.abort(new Error('stopped by the test'))
    }
    const stopped = await runJob(config, { signal: controller.signal, onProgress })
    expect(stopped.outcome).toBe('stopped')
    expect(stopped.error?.message).toBe('stopped: stopped by the test')
    expect(stopped.orders.completed).toBeLessThan(12)
    // What was confirmed is on disk, whole: every listed order, some of them shipped.
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { orders: Record<string, { shipment?: unknown }> }
    expect(Object.keys(saved.orders)).toHaveLength(12)
    expect(Object.values(saved.orders).filter((order) => order.shipment !== undefined).length).toBeGreaterThanOrEqual(5)

    const resumed = await runJob(config)
    expect(resumed.outcome).toBe('completed')
    expect(resumed.orders.open + resumed.orders.resumed).toBeGreaterThan(0)
    expect(footprints(world, orderIdsOf(orders))).toEqual(exactlyOnce(orders, threshold))
  })
})
