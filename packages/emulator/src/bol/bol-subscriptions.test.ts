import { createPublicKey, createVerify } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken, waitForProcess } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

interface Received {
  body: string
  signature: string
}

describe('bol subscriptions and signed push notifications', () => {
  let emulator: Emulator<BolState, BolCredentials>
  let request: ReturnType<typeof bolFetcher>
  let receiver: Server
  let receiverUrl: string
  const received: Received[] = []

  beforeAll(async () => {
    receiver = createServer((incoming, outgoing) => {
      let body = ''
      incoming.on('data', (chunk) => {
        body += chunk
      })
      incoming.on('end', () => {
        received.push({ body, signature: String(incoming.headers.signature ?? '') })
        outgoing.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    emulator = await startBolEmulator({ processDelayMs: 20, rateLimits: false })
    request = bolFetcher(emulator, await bolToken(emulator))
  })
  afterAll(async () => {
    await emulator.stop()
    await new Promise((resolve) => receiver.close(resolve))
  })

  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 5_000
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
  }

  it('creates a subscription and pushes process-status events signed with the published RSA key', async () => {
    const created = (await (
      await request('/retailer/subscriptions', {
        method: 'POST',
        body: { resources: ['PROCESS_STATUS'], url: receiverUrl, subscriptionType: 'WEBHOOK' },
      })
    ).json()) as Record<string, string>
    const done = await waitForProcess(request, created.processStatusId as string)
    expect(done.status).toBe('SUCCESS')
    await until(() => received.length > 0)
    const event = JSON.parse(received[0]?.body ?? '{}') as { event: { resource: string; resourceId: string } }
    expect(event.event).toMatchObject({ resource: 'PROCESS_STATUS', resourceId: created.processStatusId })

    const keys = (await (await request('/retailer/subscriptions/signature-keys')).json()) as {
      signatureKeys: Array<{ id: string; type: string; publicKey: string }>
    }
    const [key] = keys.signatureKeys
    expect(key?.type).toBe('RSA')
    const match = /keyId=(\S+), algorithm="rsa-sha256", signature=(\S+)/.exec(received[0]?.signature ?? '')
    expect(match?.[1]).toBe(key?.id)
    const publicKey = createPublicKey({ key: Buffer.from(key?.publicKey ?? '', 'base64'), format: 'der', type: 'spki' })
    const verifier = createVerify('RSA-SHA256').update(received[0]?.body ?? '')
    expect(verifier.verify(publicKey, match?.[2] ?? '', 'base64')).toBe(true)
  })

  it('lists, reads, updates, tests and deletes subscriptions', async () => {
    const list = (await (await request('/retailer/subscriptions')).json()) as { subscriptions: Array<{ id: string }> }
    const id = list.subscriptions[0]?.id ?? ''
    expect((await request(`/retailer/subscriptions/${id}`)).status).toBe(200)
    const count = received.length
    const tested = (await (await request(`/retailer/subscriptions/test/${id}`, { method: 'POST' })).json()) as Record<
      string,
      string
    >
    await waitForProcess(request, tested.processStatusId as string)
    await until(() => received.slice(count).some((entry) => entry.body.includes('"TEST"')))
    expect(received.slice(count).some((entry) => entry.body.includes('"TEST"'))).toBe(true)
    const updated = (await (
      await request(`/retailer/subscriptions/${id}`, {
        method: 'PUT',
        body: { resources: ['SHIPMENT'], url: receiverUrl, subscriptionType: 'WEBHOOK', enabled: false },
      })
    ).json()) as Record<string, string>
    await waitForProcess(request, updated.processStatusId as string)
    expect(emulator.state.subscriptions.get(id)).toMatchObject({ resources: ['SHIPMENT'], enabled: false })
    const deleted = (await (await request(`/retailer/subscriptions/${id}`, { method: 'DELETE' })).json()) as Record<
      string,
      string
    >
    await waitForProcess(request, deleted.processStatusId as string)
    expect((await request(`/retailer/subscriptions/${id}`)).status).toBe(404)
  })
})
