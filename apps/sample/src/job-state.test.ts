import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { temporaryDirectory } from '../test/exactly-once.ts'
import { openJobState } from './job-state.ts'
import { SampleConfigurationError } from './sample-errors.ts'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let path: string
beforeEach(async () => {
  directory = await temporaryDirectory()
  path = join(directory.path, 'nested', 'state.json')
})
afterEach(() => directory.remove())

const options = { scope: 'emulators-a', description: 'test accounts', otherScope: 'refuse' } as const

describe('the state file', () => {
  it('writes nothing until the first change, then the whole state', async () => {
    const state = await openJobState(path, { ...options, now: () => Date.UTC(2026, 0, 2) })
    expect(await readdir(directory.path)).toEqual([])
    await state.add(['1001', '1002', '1001'])
    const saved = JSON.parse(await readFile(path, 'utf8'))
    expect(saved).toMatchObject({ version: 1, scope: 'emulators-a', updatedAt: '2026-01-02T00:00:00.000Z' })
    expect(Object.keys(saved.orders)).toEqual(['1001', '1002'])
  })

  it('keeps every one of 200 concurrent changes, and a reader never sees half a file', async () => {
    const state = await openJobState(path, options)
    const orderIds = Array.from({ length: 200 }, (_, index) => String(5000 + index))
    await state.add(orderIds)
    let reading = true
    let reads = 0
    const reader = (async () => {
      while (reading) {
        JSON.parse(await readFile(path, 'utf8'))
        reads++
      }
    })()
    await Promise.all(
      orderIds.map((orderId, index) =>
        state.update(orderId, (record) => {
          record.purchaseOrder = { id: `po-${index}`, placedAt: state.timestamp() }
        }),
      ),
    )
    reading = false
    await reader
    expect(reads).toBeGreaterThan(0)
    const saved = JSON.parse(await readFile(path, 'utf8'))
    expect(orderIds.every((orderId, index) => saved.orders[orderId].purchaseOrder.id === `po-${index}`)).toBe(true)
    expect(await readdir(join(directory.path, 'nested'))).toEqual(['state.json'])
  })

  it('reads what an earlier run wrote', async () => {
    const first = await openJobState(path, options)
    await first.add(['7'])
    await first.update('7', (record) => {
      record.invoice = { id: 3, number: 'BOL-7' }
    })
    const second = await openJobState(path, options)
    expect(second.get('7')?.invoice).toEqual({ id: 3, number: 'BOL-7' })
    expect(second.orders().map((record) => record.orderId)).toEqual(['7'])
  })

  it("refuses another account's state file, or starts over when told to", async () => {
    const other = await openJobState(path, { ...options, scope: 'live-1234', description: 'B2Brouter account 9' })
    await other.add(['1'])
    await expect(openJobState(path, options)).rejects.toThrow(
      `the state file ${path} belongs to other accounts (B2Brouter account 9); pass --state-file to use another file.`,
    )
    const fresh = await openJobState(path, { ...options, otherScope: 'replace' })
    expect(fresh.orders()).toEqual([])
  })

  it('refuses a file that is not a state file, naming it', async () => {
    await openJobState(path, options).then((state) => state.add(['1']))
    await writeFile(path, '{"orders": ')
    await expect(openJobState(path, options)).rejects.toThrow(SampleConfigurationError)
    await writeFile(path, '{"version": 2, "orders": {}, "scope": "x"}')
    await expect(openJobState(path, options)).rejects.toThrow(`the state file ${path} is not a version 1 state file`)
  })

  it('refuses to change an order it does not know', async () => {
    const state = await openJobState(path, options)
    await expect(state.update('404', () => undefined)).rejects.toThrow(RangeError)
  })
})
