// The checks of the fault matrix can fail: they are tested here on runs and write logs made up for the purpose.
import type { WriteRecord } from '@b2bkit/emulator'
import { B2bkitError } from '@b2bkit/http'
import { describe, expect, it } from 'vitest'
import { plantSecret } from '../support/secrets.js'
import { repeatedWrites, secretSightings, untypedFailures } from './checks.js'
import type { MatrixResult } from './harness.js'

const run = (errors: unknown[], logLines: string[] = []): MatrixResult => ({
  outcomes: errors.map((error) => ({ name: 'call', write: false, ok: false as const, error })),
  unhandled: [],
  logLines,
  elapsedMs: 1,
})

let writeId = 0
const write = (fields: Partial<WriteRecord>): WriteRecord => ({
  writeId: ++writeId,
  requestId: `r${writeId}`,
  method: 'POST',
  path: '/retailer/shipments',
  body: {},
  idempotencyKey: undefined,
  fingerprint: 'same',
  duplicateOf: undefined,
  applied: false,
  status: 202,
  receivedAt: writeId,
  ...fields,
})

describe('fault-matrix checks', () => {
  it('finds a failure that is not a B2bkitError', () => {
    expect(untypedFailures(run([new B2bkitError('X', 'typed'), new TypeError('untyped')]).outcomes)).toEqual([
      'call: TypeError: untyped',
    ])
  })

  it('finds a secret in a message, in a property only util.inspect shows, in a log line, and half of one', () => {
    const secret = plantSecret('s-')
    const secrets = new Map([['secret', secret]])
    expect(secretSightings(run([new Error(`token ${secret}`)]), secrets)).toHaveLength(1)
    expect(secretSightings(run([Object.assign(new Error('plain'), { header: secret })]), secrets)).toHaveLength(1)
    expect(secretSightings(run([], [`warn: sent ${secret.slice(0, -12)}`]), secrets)).toHaveLength(1)
    expect(secretSightings(run([new Error('clean')], ['clean']), secrets, ['{"clean":true}'])).toEqual([])
  })

  it('flags a POST sent again blindly, and one applied twice', () => {
    expect(repeatedWrites([write({ status: 500 }), write({ status: 202, applied: true })], () => false)).toHaveLength(1)
    expect(repeatedWrites([write({ applied: true }), write({ applied: true })], () => true)).toHaveLength(1)
  })

  it('allows a POST sent again after a 429 or a 401, and a repeat the provider deduplicates', () => {
    expect(repeatedWrites([write({ status: 429 }), write({ applied: true })], () => false)).toEqual([])
    expect(repeatedWrites([write({ status: 401 }), write({ applied: true })], () => false)).toEqual([])
    expect(repeatedWrites([write({ applied: true }), write({ status: 409 })], () => true)).toEqual([])
  })
})
