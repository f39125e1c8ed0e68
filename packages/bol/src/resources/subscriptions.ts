import { type ResourceContext, segment } from '../internal/resource-context.js'
import type { BolCallOptions } from '../types/common.js'
import type { BolProcess } from '../types/process-status.js'
import type { BolSignatureKeys, Subscription, SubscriptionList, SubscriptionRequest } from '../types/subscriptions.js'

/** Push-notification subscriptions, their test message, and the keys bol signs notifications with. */
export interface SubscriptionsResource {
  /** Every subscription. */
  list(options?: BolCallOptions): Promise<SubscriptionList>
  /** Subscribes a webhook, Pub/Sub topic or SQS queue (a `CREATE_SUBSCRIPTION` process; `entityId` is its id). */
  create(subscription: SubscriptionRequest, options?: BolCallOptions): Promise<BolProcess>
  /** One subscription; `NotFoundError` for an unknown id. */
  get(subscriptionId: string, options?: BolCallOptions): Promise<Subscription>
  /** Replaces a subscription (an `UPDATE_SUBSCRIPTION` process). */
  update(subscriptionId: string, subscription: SubscriptionRequest, options?: BolCallOptions): Promise<BolProcess>
  /** Removes a subscription (a `DELETE_SUBSCRIPTION` process). */
  delete(subscriptionId: string, options?: BolCallOptions): Promise<BolProcess>
  /** Asks bol to send a test notification to a subscription (a `SEND_SUBSCRIPTION_TST_MSG` process). */
  test(subscriptionId: string, options?: BolCallOptions): Promise<BolProcess>
  /** The public keys push notifications are signed with; pass them to `verifyBolWebhook()`. */
  signatureKeys(options?: BolCallOptions): Promise<BolSignatureKeys>
}

/** The subscriptions resource. */
export function subscriptionsResource(context: ResourceContext): SubscriptionsResource {
  const path = context.retailer('subscriptions')
  const one = (subscriptionId: string) => `${path}/${segment(subscriptionId)}`
  return {
    list: async (options) => {
      const list = await context.transport.json<Partial<SubscriptionList>>({ path }, options)
      list.subscriptions ??= []
      return list as SubscriptionList
    },
    create: (subscription, options) => context.process({ method: 'POST', path, body: subscription }, options),
    get: (subscriptionId, options) => context.transport.json<Subscription>({ path: one(subscriptionId) }, options),
    update: (subscriptionId, subscription, options) =>
      context.process({ method: 'PUT', path: one(subscriptionId), body: subscription }, options),
    delete: (subscriptionId, options) => context.process({ method: 'DELETE', path: one(subscriptionId) }, options),
    test: (subscriptionId, options) =>
      context.process({ method: 'POST', path: `${path}/test/${segment(subscriptionId)}` }, options),
    signatureKeys: (options) => context.transport.json<BolSignatureKeys>({ path: `${path}/signature-keys` }, options),
  }
}
