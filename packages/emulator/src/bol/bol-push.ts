import type { Runtime } from '../core/runtime.js'
import { deliverWebhook } from '../core/webhook-sender.js'
import { isoDateTime } from '../internal/fixtures.js'
import { type BolSigningKey, signatureHeader } from './bol-signing.js'
import type { BolProcess, BolState, BolSubscription } from './bol-state.js'

/** Sends bol push notifications: a JSON event, signed with the emulator's RSA key in the `Signature` header. */
export class BolPushNotifier {
  constructor(
    private readonly state: BolState,
    private readonly runtime: Runtime,
    private readonly signingKey: () => Promise<BolSigningKey>,
  ) {}

  /** Sends one event to one subscription (in the background). */
  send(subscription: BolSubscription, resource: string, type: string, resourceId: string): Promise<void> {
    const body = JSON.stringify({
      retailerId: this.state.retailerId,
      timestamp: isoDateTime(this.runtime.clock.now()),
      event: { resource, type, resourceId },
    })
    return this.signingKey().then(async (key) => {
      const signature = await key.sign(new TextEncoder().encode(body))
      await deliverWebhook(
        this.state.pushNotifications,
        subscription.url,
        body,
        { signature: signatureHeader(key.id, signature) },
        this.runtime.clock.now(),
      )
    })
  }

  /** Tells every enabled `PROCESS_STATUS` webhook subscription that a process ended. */
  processSettled(process: BolProcess): void {
    for (const subscription of this.state.subscriptions.values()) {
      if (!subscription.enabled || subscription.subscriptionType !== 'WEBHOOK') continue
      if (!subscription.resources.includes('PROCESS_STATUS')) continue
      void this.send(subscription, 'PROCESS_STATUS', process.status, process.processStatusId)
    }
  }
}
