import { describe, expectTypeOf, it } from 'vitest'
import {
  type BatchPoller,
  type BatchPollerState,
  createBatchPoller,
  type ProcessState,
  type ProcessStatus,
  waitForProcess,
} from './index.js'

describe('public types', () => {
  it('waitForProcess resolves with the status type getStatus returns', () => {
    expectTypeOf(
      waitForProcess(async () => ({ status: 'PENDING' }) as ProcessStatus),
    ).resolves.toEqualTypeOf<ProcessStatus>()
    const custom = waitForProcess(async () => ({ job: 'j', phase: 'done' }), {
      mapping: { stateOf: (job) => (job.phase === 'done' ? 'SUCCESS' : 'PENDING') },
    })
    expectTypeOf(custom).resolves.toEqualTypeOf<{ job: string; phase: string }>()
  })

  it('the batch poller is typed by its status, and its state is plain data', () => {
    const poller = createBatchPoller({ getMany: async (): Promise<ProcessStatus[]> => [] })
    expectTypeOf(poller).toEqualTypeOf<BatchPoller<ProcessStatus>>()
    expectTypeOf(poller.wait('1')).resolves.toEqualTypeOf<ProcessStatus>()
    expectTypeOf(poller.serialize()).toEqualTypeOf<BatchPollerState<ProcessStatus>>()
    expectTypeOf<BatchPollerState['version']>().toEqualTypeOf<1>()
    expectTypeOf<ProcessState>().toEqualTypeOf<'PENDING' | 'SUCCESS' | 'FAILURE' | 'TIMEOUT'>()
  })
})
