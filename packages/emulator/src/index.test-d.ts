import { describe, expectTypeOf, it } from 'vitest'
import {
  type B2BrouterCredentials,
  type BolCredentials,
  type BolState,
  type ConvictionalState,
  type Emulator,
  type EmulatorOptions,
  type FaultOptions,
  type SiesmartCredentials,
  startEmulator,
  type WriteRecord,
} from './index.js'

describe('public types', () => {
  it('types the emulator by provider', () => {
    expectTypeOf(startEmulator('bol')).resolves.toEqualTypeOf<Emulator<BolState, BolCredentials>>()
    expectTypeOf(startEmulator('convictional')).resolves.toHaveProperty('state').toEqualTypeOf<ConvictionalState>()
    expectTypeOf(startEmulator('b2brouter'))
      .resolves.toHaveProperty('credentials')
      .toEqualTypeOf<B2BrouterCredentials>()
    expectTypeOf(startEmulator('siesmart')).resolves.toHaveProperty('credentials').toEqualTypeOf<SiesmartCredentials>()
  })

  it('accepts faults, rate limits and provider sections in the options', () => {
    expectTypeOf<{ faults: { errorRate: 0.1; latencyMs: [0, 200] } }>().toMatchTypeOf<EmulatorOptions>()
    expectTypeOf<{ rateLimits: false }>().toMatchTypeOf<EmulatorOptions>()
    expectTypeOf<{ bol: { openOrders: 25; emptyPage: 'empty-object' } }>().toMatchTypeOf<EmulatorOptions>()
    expectTypeOf<{ timing: 'sometimes' }>().not.toMatchTypeOf<FaultOptions>()
  })

  it('exposes the write log entries', () => {
    expectTypeOf<Emulator['writes']>().toEqualTypeOf<readonly WriteRecord[]>()
    expectTypeOf<WriteRecord['applied']>().toEqualTypeOf<boolean>()
  })
})
