import { afterEach, describe, expect, it } from 'vitest'
import type { ProviderName } from './core/emulator.js'
import { rawClient } from './internal/raw-clients.js'
import { type EmulatorFor, providerNames, startEmulator } from './start-emulator.js'

const elapsedMs = async (action: () => Promise<unknown>) => {
  const started = performance.now()
  await action()
  return performance.now() - started
}

describe.each(providerNames)('faults on the %s emulator', (provider: ProviderName) => {
  let emulator: EmulatorFor<ProviderName>
  afterEach(() => emulator.stop())
  const start = async (options: Parameters<typeof startEmulator>[1] = {}) => {
    emulator = await startEmulator(provider, { rateLimits: false, processDelayMs: 10, ...options })
    const client = rawClient(provider, emulator)
    await client.authenticate()
    return client
  }

  it('answers 5xx before applying a write, so the write log shows it did not land', async () => {
    const client = await start()
    emulator.setFaults({ errorRate: 1, errorStatuses: [503] })
    const response = await client.write(1)
    expect(response.status).toBe(503)
    expect(response.headers.get(provider === 'siesmart' ? 'x-b2b-trace-id' : 'x-request-id')).toBeTruthy()
    expect(emulator.writes.at(-1)).toMatchObject({ applied: false, status: 503 })
    expect(emulator.requests.at(-1)).toMatchObject({ fault: 'error', status: 503 })
  })

  it('applies the write and then answers 5xx when the timing is after-apply', async () => {
    const client = await start()
    emulator.setFaults({ errorRate: 1, errorStatuses: [502], timing: 'after-apply' })
    expect((await client.write(2)).status).toBe(502)
    expect(emulator.writes.at(-1)).toMatchObject({ applied: true, status: 502 })
  })

  it('resets the connection before or after applying the write', async () => {
    const client = await start()
    emulator.setFaults({ resetRate: 1 })
    await expect(client.write(3)).rejects.toThrow()
    expect(emulator.writes.at(-1)).toMatchObject({ applied: false, status: undefined })
    expect(emulator.requests.at(-1)).toMatchObject({ outcome: 'reset', fault: 'reset' })
    emulator.setFaults({ resetRate: 1, timing: 'after-apply' })
    await expect(client.write(4)).rejects.toThrow()
    expect(emulator.writes.at(-1)).toMatchObject({ applied: true, status: undefined })
  })

  it('adds latency and trickles slow bodies, and stops when the faults are switched off', async () => {
    const client = await start()
    emulator.setFaults({ latencyMs: 120 })
    expect(await elapsedMs(() => client.read())).toBeGreaterThanOrEqual(100)
    emulator.setFaults({ slowBodyMs: 200 })
    const slow = await elapsedMs(async () => (await client.read()).text())
    expect(slow).toBeGreaterThanOrEqual(150)
    emulator.setFaults({})
    expect((await client.read()).status).toBe(200)
  })
})

describe.each(['bol', 'siesmart'] as const)('token faults on the %s emulator', (provider) => {
  let emulator: EmulatorFor<'bol' | 'siesmart'>
  afterEach(() => emulator.stop())
  const start = async (options: Parameters<typeof startEmulator>[1] = {}) => {
    emulator = await startEmulator(provider, { rateLimits: false, ...options })
    const client = rawClient(provider, emulator)
    await client.authenticate()
    return client
  }

  it('has a token endpoint outage that ends after its duration', async () => {
    const client = await start()
    emulator.setFaults({ tokenOutage: { durationMs: 300 } })
    const refused = await client.requestToken()
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect((await client.read()).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await client.requestToken()).status).toBe(200)
    expect(emulator.tokenRequestCount).toBe(3)
  })

  it('expires tokens early, before expires_in says so', async () => {
    const client = await start({ faults: { tokenLifetimeMs: 100 } })
    expect((await client.read()).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect((await client.read()).status).toBe(401)
    await client.authenticate()
    expect((await client.read()).status).toBe(200)
  })
})

describe('fault decisions', () => {
  it('injects roughly the configured share of errors, the same ones for the same seed', async () => {
    const run = async () => {
      const emulator = await startEmulator('convictional', { seed: 99, rateLimits: false, faults: { errorRate: 0.3 } })
      const client = rawClient('convictional', emulator)
      const statuses: number[] = []
      for (let index = 0; index < 100; index++) statuses.push((await client.read()).status)
      await emulator.stop()
      return statuses
    }
    const first = await run()
    const share = first.filter((status) => status >= 500).length / first.length
    expect(share).toBeGreaterThan(0.15)
    expect(share).toBeLessThan(0.45)
    expect(await run()).toEqual(first)
  })

  it('refuses fault settings out of range, naming the option', async () => {
    const emulator = await startEmulator('convictional')
    expect(() => emulator.setFaults({ errorRate: 2 })).toThrow('faults.errorRate')
    expect(() => emulator.setFaults({ errorStatuses: [404] })).toThrow('faults.errorStatuses')
    await emulator.stop()
  })
})
