import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BolEmulator, clientFor, startBol, startPushReceiver } from '../internal/test-support.js'

describe('subscriptions', () => {
  let emulator: BolEmulator
  let receiver: Awaited<ReturnType<typeof startPushReceiver>>
  beforeAll(async () => {
    emulator = await startBol({ seed: 71 })
    receiver = await startPushReceiver()
  })
  afterAll(async () => {
    await emulator.stop()
    await receiver.stop()
  })

  it('creates, reads, lists, updates, tests and deletes a webhook subscription', async () => {
    const bol = clientFor(emulator)
    const request = { resources: ['PROCESS_STATUS' as const], url: receiver.url, subscriptionType: 'WEBHOOK' as const }
    const created = await (await bol.subscriptions.create(request)).wait()
    const id = created.entityId ?? ''
    expect(await bol.subscriptions.get(id)).toMatchObject({ id, url: receiver.url, enabled: true })
    expect((await bol.subscriptions.list()).subscriptions.map((subscription) => subscription.id)).toContain(id)

    await (await bol.subscriptions.update(id, { ...request, resources: ['PROCESS_STATUS', 'SHIPMENT'] })).wait()
    expect(emulator.state.subscriptions.get(id)?.resources).toEqual(['PROCESS_STATUS', 'SHIPMENT'])

    const tested = await (await bol.subscriptions.test(id)).wait()
    expect(tested.eventType).toBe('SEND_SUBSCRIPTION_TST_MSG')
    const push = await receiver.next((candidate) => candidate.body.includes('"TEST"'))
    expect(JSON.parse(push.body)).toMatchObject({ event: { resource: 'TEST', type: 'TEST' } })
    expect(push.headers.signature).toMatch(/^keyId=0, algorithm="rsa-sha256", signature=/)

    await (await bol.subscriptions.delete(id)).wait()
    expect(emulator.state.subscriptions.has(id)).toBe(false)
  })

  it('reads the RSA public keys push notifications are signed with', async () => {
    const bol = clientFor(emulator)
    const { signatureKeys } = await bol.subscriptions.signatureKeys()
    expect(signatureKeys).toEqual([{ id: '0', type: 'RSA', publicKey: expect.stringMatching(/^MII[A-Za-z0-9+/=]+$/) }])
  })
})
