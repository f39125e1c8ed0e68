/** What a push-notification subscription is about. */
export type SubscriptionResource =
  | 'PROCESS_STATUS'
  | 'SHIPMENT'
  | 'PRICE_STAR_BOUNDARY'
  | 'COMPETING_OFFER'
  | 'OFFER_FOR_SALE'
  | 'OFFER_NOT_FOR_SALE'
  | 'ORDER'

/** Where notifications go: an https endpoint, a Google Pub/Sub topic or an Amazon SQS queue. */
export type SubscriptionType = 'WEBHOOK' | 'GCP_PUBSUB' | 'AWS_SQS'

/** The body of `subscriptions.create()` and `subscriptions.update()` (bol's `SubscriptionRequest`). */
export interface SubscriptionRequest {
  resources: SubscriptionResource[]
  /** The webhook URL, topic or queue. */
  url: string
  subscriptionType: SubscriptionType
  /** @default true */
  enabled?: boolean | undefined
  /** The identity bol uses for Pub/Sub and SQS. */
  identity?: string | undefined
}

/** One subscription (bol's `SubscriptionResponse`). */
export interface Subscription {
  id: string
  resources: Array<SubscriptionResource | 'TEST'>
  url: string
  subscriptionType: SubscriptionType
  enabled?: boolean
  identity?: string
}

/** The answer of `subscriptions.list()`. */
export interface SubscriptionList {
  subscriptions: Subscription[]
}

/** A public key bol signs push notifications with (bol's `KeySet`): base64 DER of an RSA key (SPKI). */
export interface BolSignatureKey {
  id: string
  type: 'RSA'
  publicKey: string
}

/** The answer of `subscriptions.signatureKeys()`. */
export interface BolSignatureKeys {
  signatureKeys: BolSignatureKey[]
}

/** A push notification, as `verifyBolWebhook()` returns it once its signature holds. */
export interface BolPushNotification {
  retailerId?: number | string
  /** When bol sent it (ISO 8601). */
  timestamp?: string
  event?: {
    /** `PROCESS_STATUS`, `SHIPMENT`, …, or `TEST` for `subscriptions.test()`. */
    resource?: string
    /** For a process status: `SUCCESS` or `FAILURE`. */
    type?: string
    /** For a process status: the process status id. */
    resourceId?: string
    [field: string]: unknown
  }
  [field: string]: unknown
}
