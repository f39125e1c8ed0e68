import type { Plugin } from '@b2bkit/http'
import type { PreconditionFailedError as ProblemPreconditionFailedError } from '@b2bkit/problem'
import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type EtagStore,
  etag,
  isPreconditionFailedError,
  memoryEtagStore,
  type PreconditionFailedError,
  type UpdateResult,
  update,
} from './index.js'

describe('public types', () => {
  it('etag is a plugin over an EtagStore', () => {
    expectTypeOf(etag({ store: memoryEtagStore() })).toEqualTypeOf<Plugin>()
    expectTypeOf(memoryEtagStore()).toExtend<EtagStore>()
  })

  it('update infers the resource type from the change', () => {
    const http = {} as KyInstance
    const result = update(http, 'offers/1', (offer: { stock: number }) => ({ stock: offer.stock - 1 }))
    expectTypeOf(result).resolves.toEqualTypeOf<UpdateResult<{ stock: number }>>()
  })

  it('the 412 error is the problem package’s class, with the versions added', () => {
    expectTypeOf<PreconditionFailedError>().toExtend<ProblemPreconditionFailedError>()
    const value: unknown = undefined
    if (isPreconditionFailedError(value)) {
      expectTypeOf(value.sentEtag).toEqualTypeOf<string | undefined>()
      expectTypeOf(value.status).toEqualTypeOf<number>()
    }
  })
})
