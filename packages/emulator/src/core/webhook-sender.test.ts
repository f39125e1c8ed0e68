import { describe, expect, it } from 'vitest'
import { deliverWebhook, type WebhookDelivery } from './webhook-sender.js'

describe('deliverWebhook', () => {
  it('records a delivery to a host that is not loopback as undelivered, without calling it', async () => {
    const deliveries: WebhookDelivery[] = []
    const delivery = await deliverWebhook(deliveries, 'https://shop.example.com/hooks', '{}', {}, 0)
    expect(delivery.status).toBeUndefined()
    expect(delivery.error).toMatch(/only to loopback/)
    expect(deliveries).toEqual([delivery])
  })
})
