import { createHmac, randomBytes } from 'node:crypto'
import { markApplied } from '../core/exchange.js'
import { isResponse } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { deliverWebhook } from '../core/webhook-sender.js'
import { isoDateTime } from '../internal/fixtures.js'
import { accountOf, wrappedFields } from './b2brouter-accounts.js'
import { invoiceView } from './b2brouter-invoice-view.js'
import { b2brouterError, b2brouterJson } from './b2brouter-responses.js'
import type { B2BrouterInvoice, B2BrouterState, B2BrouterWebhook } from './b2brouter-state.js'

/**
 * The `X-B2Brouter-Signature` header: `t=<unix seconds>,s=<hex HMAC-SHA256 of "<t>.<body>" with the webhook's key>`,
 * as B2Brouter's webhooks guide describes.
 */
export function b2brouterSignature(signatureKey: string, timestampSeconds: number, body: string): string {
  const signature = createHmac('sha256', signatureKey).update(`${timestampSeconds}.${body}`).digest('hex')
  return `t=${timestampSeconds},s=${signature}`
}

/** Posts a signed event to every webhook of the invoice's account that listens to it. */
export function fireInvoiceEvent(
  state: B2BrouterState,
  runtime: Runtime,
  type: string,
  invoice: B2BrouterInvoice,
): void {
  const now = runtime.clock.now()
  for (const webhook of state.webhooks.values()) {
    if (webhook.account_id !== invoice.account_id) continue
    if (webhook.events.length > 0 && !webhook.events.includes(type)) continue
    const body = JSON.stringify({
      id: `evt_${++state.sequences.event}`,
      type,
      created_at: isoDateTime(now),
      data: { invoice: invoiceView(invoice) },
    })
    const headers = { 'x-b2brouter-signature': b2brouterSignature(webhook.signature_key, Math.floor(now / 1000), body) }
    void deliverWebhook(state.webhookDeliveries, webhook.url, body, headers, now)
  }
}

/** Registering, listing and deleting webhooks (`POST /accounts/{account}/webhooks` with `{"webhook": {"url"}}`). */
export function registerB2BrouterWebhookRoutes(router: Router, state: B2BrouterState): void {
  router.on('POST', '/accounts/:accountId/webhooks', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    const fields = wrappedFields(exchange, 'webhook', ['url'])
    if (isResponse(fields)) return fields
    const webhook: B2BrouterWebhook = {
      id: ++state.sequences.webhook,
      account_id: account.id,
      url: String(fields.url),
      events: Array.isArray(fields.events) ? fields.events.map(String) : [],
      signature_key: randomBytes(24).toString('hex'),
    }
    state.webhooks.set(webhook.id, webhook)
    markApplied(exchange, { resourceId: String(webhook.id) })
    return b2brouterJson({ webhook }, 201)
  })

  router.on('GET', '/accounts/:accountId/webhooks', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    return b2brouterJson({
      webhooks: [...state.webhooks.values()].filter((webhook) => webhook.account_id === account.id),
    })
  })

  router.on('DELETE', '/webhooks/:webhookId', (exchange) => {
    const id = Number(exchange.params.webhookId)
    if (!state.webhooks.delete(id)) return b2brouterError(404, `Webhook ${exchange.params.webhookId} not found.`)
    markApplied(exchange, { resourceId: String(id) })
    return b2brouterJson({ deleted: true })
  })
}
