import type { TokenSource } from '@b2bkit/auth'
import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createSieSmartClient,
  type PrecheckResult,
  type Proposal,
  type SalesContact,
  type SieSmartClient,
  type SieSmartClientStats,
} from './index.js'

const options = {
  clientId: 'id',
  clientSecret: 'secret',
  environment: 'test',
  baseUrl: 'https://h/siesmart/b2b',
} as const

describe('public types', () => {
  it('createSieSmartClient needs credentials and an environment', () => {
    expectTypeOf(createSieSmartClient(options)).toEqualTypeOf<SieSmartClient>()
    // @ts-expect-error the environment is 'test' or 'production'
    createSieSmartClient({ ...options, environment: 'staging' })
    // @ts-expect-error clientSecret is required
    createSieSmartClient({ clientId: 'id', environment: 'test' })
  })

  it('returns typed proposals and config, the token source and the machinery', () => {
    const client = createSieSmartClient(options)
    expectTypeOf(client.proposals.get('7')).resolves.toEqualTypeOf<Proposal>()
    expectTypeOf(
      client.proposals.update('7', (current) => ({ ...current, label: 'x' })),
    ).resolves.toEqualTypeOf<Proposal>()
    expectTypeOf(client.proposals.precheck('7')).resolves.toEqualTypeOf<PrecheckResult>()
    expectTypeOf(client.proposals.delete('7')).resolves.toEqualTypeOf<void>()
    expectTypeOf(client.config.salesContacts.list('OFF-1')).resolves.toEqualTypeOf<SalesContact[]>()
    expectTypeOf(client.tokens).toEqualTypeOf<TokenSource>()
    expectTypeOf(client.http).toEqualTypeOf<KyInstance>()
    expectTypeOf(client.stats()).toEqualTypeOf<SieSmartClientStats>()
    // @ts-expect-error submit needs the mandatory decision fields
    void client.proposals.submit('7', { commentToRiskAnalyst: 'x' })
    // @ts-expect-error update takes a change function, not a value
    void client.proposals.update('7', { label: 'x' })
  })
})
