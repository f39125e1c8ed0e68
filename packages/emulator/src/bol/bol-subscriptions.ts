import { type Exchange, isRecord, jsonBody } from '../core/exchange.js'
import type { Router } from '../core/router.js'
import { acceptProcess, type BolContext, bolJson, bolRoute } from './bol-context.js'
import { type BolViolation, bolProblem, validationProblem } from './bol-problem.js'
import type { BolPushNotifier } from './bol-push.js'
import type { BolSigningKey } from './bol-signing.js'
import type { BolSubscription } from './bol-state.js'

const resources = [
  'PROCESS_STATUS',
  'SHIPMENT',
  'PRICE_STAR_BOUNDARY',
  'COMPETING_OFFER',
  'OFFER_FOR_SALE',
  'OFFER_NOT_FOR_SALE',
  'ORDER',
]
const types = ['WEBHOOK', 'GCP_PUBSUB', 'AWS_SQS']

function subscriptionViolations(body: unknown): BolViolation[] {
  if (!isRecord(body)) return [{ name: 'body', reason: 'A JSON object is required.' }]
  const violations: BolViolation[] = []
  if (
    !Array.isArray(body.resources) ||
    body.resources.length === 0 ||
    !body.resources.every((r) => resources.includes(String(r)))
  ) {
    violations.push({ name: 'resources', reason: `Allowed values: ${resources.join(', ')}.` })
  }
  if (typeof body.url !== 'string' || body.url === '') violations.push({ name: 'url', reason: 'Must not be empty.' })
  if (!types.includes(String(body.subscriptionType)))
    violations.push({ name: 'subscriptionType', reason: `Allowed values: ${types.join(', ')}.` })
  return violations
}

const view = (subscription: BolSubscription) => ({ ...subscription })

function fromBody(id: string, body: Record<string, unknown>): BolSubscription {
  return {
    id,
    resources: (body.resources as unknown[]).map(String),
    url: String(body.url),
    subscriptionType: body.subscriptionType as BolSubscription['subscriptionType'],
    enabled: body.enabled !== false,
  }
}

/** Push-notification subscriptions, the signature keys, and test notifications. */
export function registerBolSubscriptionRoutes(
  router: Router,
  context: BolContext,
  push: BolPushNotifier,
  signingKey: () => Promise<BolSigningKey>,
): void {
  const accepted = (exchange: Exchange, eventType: string, entityId: string, apply: () => string | undefined) =>
    acceptProcess(exchange, context, { eventType, entityId, description: `${eventType} ${entityId}.`, apply })

  bolRoute(router, context, 'GET', '/retailer/subscriptions', () =>
    bolJson({ subscriptions: [...context.state.subscriptions.values()].map(view) }),
  )

  bolRoute(router, context, 'GET', '/retailer/subscriptions/signature-keys', async () => {
    const key = await signingKey()
    return bolJson({ signatureKeys: [{ id: key.id, type: 'RSA', publicKey: key.publicKeyBase64 }] })
  })

  bolRoute(router, context, 'GET', '/retailer/subscriptions/:subscriptionId', (exchange) => {
    const subscription = context.state.subscriptions.get(exchange.params.subscriptionId ?? '')
    if (!subscription) return bolProblem(exchange, 404, `Subscription ${exchange.params.subscriptionId} not found.`)
    return bolJson(view(subscription))
  })

  bolRoute(router, context, 'POST', '/retailer/subscriptions', (exchange) => {
    const body = jsonBody(exchange)
    const invalid = validationProblem(exchange, subscriptionViolations(body))
    if (invalid) return invalid
    const id = String(++context.state.sequences.subscription)
    return accepted(exchange, 'CREATE_SUBSCRIPTION', id, () => {
      context.state.subscriptions.set(id, fromBody(id, body as Record<string, unknown>))
      return undefined
    })
  })

  bolRoute(router, context, 'PUT', '/retailer/subscriptions/:subscriptionId', (exchange) => {
    const body = jsonBody(exchange)
    const invalid = validationProblem(exchange, subscriptionViolations(body))
    if (invalid) return invalid
    const id = exchange.params.subscriptionId ?? ''
    return accepted(exchange, 'UPDATE_SUBSCRIPTION', id, () => {
      if (!context.state.subscriptions.has(id)) return `Subscription ${id} does not exist.`
      context.state.subscriptions.set(id, fromBody(id, body as Record<string, unknown>))
      return undefined
    })
  })

  bolRoute(router, context, 'DELETE', '/retailer/subscriptions/:subscriptionId', (exchange) => {
    const id = exchange.params.subscriptionId ?? ''
    return accepted(exchange, 'DELETE_SUBSCRIPTION', id, () =>
      context.state.subscriptions.delete(id) ? undefined : `Subscription ${id} does not exist.`,
    )
  })

  bolRoute(router, context, 'POST', '/retailer/subscriptions/test/:subscriptionId', (exchange) => {
    const id = exchange.params.subscriptionId ?? ''
    return accepted(exchange, 'SEND_SUBSCRIPTION_TST_MSG', id, () => {
      const subscription = context.state.subscriptions.get(id)
      if (!subscription) return `Subscription ${id} does not exist.`
      void push.send(subscription, 'TEST', 'TEST', id)
      return undefined
    })
  })
}
