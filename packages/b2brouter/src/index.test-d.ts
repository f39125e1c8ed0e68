import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type Account,
  type B2BRouterClient,
  type B2BRouterClientStats,
  type B2BRouterWebhookErrorCode,
  type B2BRouterWebhookEvent,
  createB2BRouterClient,
  type Invoice,
  type ListPage,
  verifyB2BRouterWebhook,
} from './index.js'

describe('public types', () => {
  it('createB2BRouterClient needs a key and an environment', () => {
    expectTypeOf(createB2BRouterClient({ apiKey: 'k', environment: 'staging' })).toEqualTypeOf<B2BRouterClient>()
    // @ts-expect-error environment is required
    createB2BRouterClient({ apiKey: 'k' })
    // @ts-expect-error 'sandbox' is not an environment
    createB2BRouterClient({ apiKey: 'k', environment: 'sandbox' })
    createB2BRouterClient({ apiKey: 'k', environment: 'production', rateLimit: false, apiVersion: '2025-10-13' })
  })

  it('returns typed resources, bytes for downloads, and the machinery', () => {
    const client = createB2BRouterClient({ apiKey: 'k', environment: 'staging' })
    expectTypeOf(client.accounts.get(1)).resolves.toEqualTypeOf<Account>()
    expectTypeOf(client.accounts.list()).resolves.toEqualTypeOf<ListPage<'accounts', Account>>()
    expectTypeOf(
      client.invoices.create(1, { number: 'A', invoice_lines_attributes: [] }, { ifExists: 'return' }),
    ).resolves.toEqualTypeOf<Invoice>()
    expectTypeOf(client.invoices.iterate(1)).toEqualTypeOf<AsyncGenerator<Invoice, void, undefined>>()
    expectTypeOf(client.invoices.download(1, 'pdf.invoice')).resolves.toEqualTypeOf<Uint8Array>()
    expectTypeOf(client.http).toEqualTypeOf<KyInstance>()
    expectTypeOf(client.stats()).toEqualTypeOf<B2BRouterClientStats>()
    // @ts-expect-error a create needs its number
    void client.invoices.create(1, { invoice_lines_attributes: [] })
    // @ts-expect-error ifExists is 'error' or 'return'
    void client.invoices.create(1, { number: 'A', invoice_lines_attributes: [] }, { ifExists: 'update' })
  })

  it('verifyB2BRouterWebhook takes the raw body and resolves with the event', () => {
    expectTypeOf(
      verifyB2BRouterWebhook('{}', 't=1,s=ab', 'secret', { toleranceSeconds: 300 }),
    ).resolves.toEqualTypeOf<B2BRouterWebhookEvent>()
    expectTypeOf<B2BRouterWebhookErrorCode>().toExtend<string>()
  })
})
