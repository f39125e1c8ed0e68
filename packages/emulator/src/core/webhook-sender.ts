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

// The emulator is a local test double: it delivers only to this machine, so a registered URL that points
// elsewhere (a real shop's endpoint pasted into a test) is recorded as undelivered, never called.
function isLoopbackUrl(url: string): boolean {
  try {
    const { hostname } = new URL(url)
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
  } catch {
    return false
  }
}

/** Posts a JSON body to a loopback URL and records the delivery in `deliveries`. Never throws. */
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
  if (!isLoopbackUrl(url)) {
    delivery.error = 'not delivered: the emulator delivers only to loopback addresses (localhost, 127.0.0.0/8, ::1)'
    return delivery
  }
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
