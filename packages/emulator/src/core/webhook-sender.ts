/** One webhook or push notification the emulator sent (or tried to send). */
export interface WebhookDelivery {
  /** Where it went. */
  url: string
  /** The JSON body as sent (signatures cover exactly these bytes). */
  body: string
  /** The headers sent, including the signature header. */
  headers: Record<string, string>
  /** When it was sent, in milliseconds since the epoch. */
  sentAt: number
  /** The receiver's status, or `undefined` when the delivery failed. */
  status: number | undefined
  /** Why the delivery failed, when it did. */
  error: string | undefined
}

/** Posts a JSON body and records the delivery in `deliveries`. Never throws. */
export async function deliverWebhook(
  deliveries: WebhookDelivery[],
  url: string,
  body: string,
  headers: Record<string, string>,
  now: number,
): Promise<WebhookDelivery> {
  const delivery: WebhookDelivery = {
    url,
    body,
    headers: { 'content-type': 'application/json', ...headers },
    sentAt: now,
    status: undefined,
    error: undefined,
  }
  deliveries.push(delivery)
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: delivery.headers,
      body,
      signal: AbortSignal.timeout(5_000),
    })
    delivery.status = response.status
    await response.body?.cancel()
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error)
  }
  return delivery
}
