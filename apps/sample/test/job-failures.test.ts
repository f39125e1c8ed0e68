// The job when it cannot do its work: credentials refused, a provider down, an order the supplier cannot fill.
import { access, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { type DemoWorldOptions, demoJobConfig, startDemoWorld } from '../src/demo-world.ts'
import type { JobConfig } from '../src/job-config.ts'
import { runJob } from '../src/run-job.ts'
import { exactlyOnce, footprints, seededOpenOrders, temporaryDirectory } from './exactly-once.ts'

let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.map((cleanup) => cleanup()))
  cleanups = []
})

async function setUp(options: DemoWorldOptions = {}) {
  const world = await startDemoWorld({
    openOrders: 6,
    ordersPageSize: 4,
    processDelayMs: 20,
    faults: false,
    ...options,
  })
  const directory = await temporaryDirectory()
  cleanups.push(
    () => world.stop(),
    () => directory.remove(),
  )
  const stateFile = join(directory.path, 'state.json')
  const config: JobConfig = {
    ...demoJobConfig(world, { stateFile, proposalThreshold: 150 }),
    retry: { attempts: 2, baseDelayMs: 20, maxDelayMs: 50 },
  }
  return { world, config, stateFile }
}

const totalWrites = (world: Awaited<ReturnType<typeof setUp>>['world']) =>
  Object.values(world.emulators).reduce((sum, emulator) => sum + emulator.writes.length, 0)

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

describe('when the job cannot run', () => {
  it('fails with one line naming bol.com when bol refuses the client secret, and writes nothing anywhere', async () => {
    const { world, config, stateFile } = await setUp()
    const secret = 'not-the-bol-secret-8d1f'
    config.bol.clientSecret = secret
    const summary = await runJob(config)
    expect(summary.outcome).toBe('failed')
    expect(summary.error).toMatchObject({ code: 'SAMPLE_JOB_FAILED', reason: 'credentials', provider: 'bol' })
    expect(summary.error?.message).toMatch(/^bol\.com refused the credentials: /)
    expect(summary.error?.message).not.toContain('\n')
    expect(`${JSON.stringify(summary)} ${inspect(summary, { depth: 10 })}`).not.toContain(secret)
    expect(world.emulators.bol.tokenRequestCount).toBeGreaterThan(0)
    expect(totalWrites(world)).toBe(0)
    expect(await exists(stateFile)).toBe(false)
  })

  it('fails naming B2Brouter when its API key is refused, before bol ships anything', async () => {
    const { world, config } = await setUp()
    config.b2brouter.client.apiKey = 'b2bkit-b2brouter-production-key'
    const summary = await runJob(config)
    expect(summary.error).toMatchObject({ reason: 'credentials', provider: 'b2brouter' })
    expect(summary.error?.message).toMatch(/^B2Brouter refused the credentials: .*401/)
    expect(summary.error?.message).not.toContain('b2bkit-b2brouter-production-key')
    expect(world.emulators.b2brouter.requests.map((request) => request.status)).toContain(401)
    expect(totalWrites(world)).toBe(0)
  })

  it('fails naming SieSmart when SieSmart is down, with nothing written', async () => {
    const { world, config } = await setUp()
    await world.emulators.siesmart.stop()
    const summary = await runJob(config)
    expect(summary.outcome).toBe('failed')
    expect(summary.error).toMatchObject({ reason: 'unavailable', provider: 'siesmart' })
    expect(summary.error?.message).toMatch(/^SieSmart is unavailable: /)
    expect(totalWrites(world)).toBe(0)
  })
})

describe('when an order cannot be filled', () => {
  it('finishes the other orders, records the failure, and the next run completes that order once', async () => {
    const { world, config, stateFile } = await setUp({ seed: 5 })
    const orders = seededOpenOrders(world)
    const [first] = orders
    const bolOrder = world.emulators.bol.state.orders.get(first?.orderId ?? '')
    const ean = bolOrder?.orderItems[0]?.ean ?? ''
    const variants = [...world.emulators.convictional.state.products.values()].flatMap((product) => product.variants)
    const variant = variants.find((candidate) => candidate.barcode === ean)
    if (variant === undefined) throw new Error('the demo world maps every EAN to a supplier variant')
    variant.barcode = 'not-sold-any-more'

    const summary = await runJob(config)
    expect(summary.outcome).toBe('completed-with-failures')
    expect(summary.failures.map((failure) => failure.orderId)).toContain(first?.orderId)
    expect(summary.failures[0]?.message).toContain(`no variant with EAN ${ean}`)
    const saved = JSON.parse(await readFile(stateFile, 'utf8'))
    expect(saved.orders[first?.orderId ?? ''].failure.step).toBe('purchase order')
    expect(saved.orders[first?.orderId ?? ''].shipment).toBeDefined()

    variant.barcode = ean
    const rerun = await runJob(config)
    expect(rerun.outcome).toBe('completed')
    expect(rerun.orders.resumed).toBe(summary.failures.length)
    expect(
      footprints(
        world,
        orders.map((order) => order.orderId),
      ),
    ).toEqual(exactlyOnce(orders, 150))
  })
})
