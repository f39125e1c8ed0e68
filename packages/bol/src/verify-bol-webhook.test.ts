import fc from 'fast-check'
import { exportSPKI, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BolWebhookError } from './errors.js'
import { parseSignatureHeader } from './internal/signature-header.js'
import { type BolEmulator, clientFor, type ReceivedPush, startBol, startPushReceiver } from './internal/test-support.js'
import type { BolSignatureKeys } from './types/subscriptions.js'
import { verifyBolWebhook } from './verify-bol-webhook.js'

const asRequest = (push: ReceivedPush, changes: { body?: string; signature?: string | null } = {}) => {
  const headers = new Headers({ 'content-type': 'application/json' })
  const signature = changes.signature === undefined ? push.headers.signature : changes.signature
  if (signature !== null && signature !== undefined) headers.set('signature', signature)
  return new Request('http://127.0.0.1/bol-push', { method: 'POST', headers, body: changes.body ?? push.body })
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe('verifyBolWebhook', () => {
  let emulator: BolEmulator
  let receiver: Awaited<ReturnType<typeof startPushReceiver>>
  let keys: BolSignatureKeys
  let push: ReceivedPush

  beforeAll(async () => {
    emulator = await startBol({ seed: 81 })
    receiver = await startPushReceiver()
    const bol = clientFor(emulator)
    keys = await bol.subscriptions.signatureKeys()
    const subscription = {
      resources: ['PROCESS_STATUS' as const],
      url: receiver.url,
      subscriptionType: 'WEBHOOK' as const,
    }
    await (await bol.subscriptions.create(subscription)).wait()
    // Ending a process makes the emulator push a PROCESS_STATUS notification, signed with its key.
    const item = [...emulator.state.orders.values()][0]?.orderItems[0]
    const shipped = await (
      await bol.shipments.create({ orderItems: [{ orderItemId: item?.orderItemId ?? '' }] })
    ).wait()
    push = await receiver.next((candidate) => candidate.body.includes(`"resourceId":"${shipped.processStatusId}"`))
  })
  afterAll(async () => {
    await emulator.stop()
    await receiver.stop()
  })

  it('accepts a push notification signed with bol’s key and returns the notification', async () => {
    const notification = await verifyBolWebhook(asRequest(push), { keys })
    expect(notification).toMatchObject({ retailerId: 1234567, event: { resource: 'PROCESS_STATUS', type: 'SUCCESS' } })
  })

  it('accepts headers and a raw body from a server framework, and keys as a list or a function', async () => {
    const input = { headers: push.headers, body: new TextEncoder().encode(push.body) }
    await expect(verifyBolWebhook(input, { keys: keys.signatureKeys })).resolves.toMatchObject({ event: {} })
    // express.raw() hands over a Buffer, usually a view into Node's shared pool.
    const pooled = Buffer.from(push.body)
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength)
    await expect(verifyBolWebhook({ ...input, body: pooled }, { keys })).resolves.toMatchObject({ event: {} })
    await expect(verifyBolWebhook({ ...input, body: push.body }, { keys: async () => keys })).resolves.toBeTypeOf(
      'object',
    )
  })

  it('rejects a tampered body', async () => {
    const tampered = push.body.replace('"SUCCESS"', '"FAILURE"')
    expect(tampered).not.toBe(push.body)
    const error = await rejection(verifyBolWebhook(asRequest(push, { body: tampered }), { keys }))
    expect(error).toBeInstanceOf(BolWebhookError)
    expect(error).toMatchObject({ code: 'BOL_WEBHOOK_REJECTED', reason: 'bad-signature', keyId: '0' })
  })

  it('rejects a signature by a key bol did not publish under that id', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true })
    const pem = await exportSPKI(publicKey)
    const other = [{ id: '0', type: 'RSA' as const, publicKey: pem.replace(/-----[A-Z ]+-----|\s+/g, '') }]
    const error = await rejection(verifyBolWebhook(asRequest(push), { keys: other }))
    expect(error).toMatchObject({ reason: 'bad-signature' })
  })

  it('rejects an unknown key id, a missing or malformed signature and another algorithm, each with its reason', async () => {
    const signature = push.headers.signature ?? ''
    const cases: Array<[string | null, string]> = [
      [signature.replace('keyId=0', 'keyId=7'), 'unknown-key'],
      [null, 'missing-signature'],
      ['', 'missing-signature'],
      ['keyId=0, algorithm="rsa-sha256"', 'malformed-signature'],
      ['keyId=0, signature=not*base64', 'malformed-signature'],
      [signature.replace('rsa-sha256', 'hmac-sha256'), 'unsupported-algorithm'],
    ]
    for (const [header, reason] of cases) {
      const error = await rejection(verifyBolWebhook(asRequest(push, { signature: header }), { keys }))
      expect({ header, reason: (error as BolWebhookError).reason }).toEqual({ header, reason })
    }
  })

  it('rejects a key that is not an RSA public key, and a signed body that is not a JSON object', async () => {
    const broken = { signatureKeys: [{ id: '0', type: 'RSA' as const, publicKey: 'AAAA' }] }
    await expect(rejection(verifyBolWebhook(asRequest(push), { keys: broken }))).resolves.toMatchObject({
      reason: 'invalid-key',
    })
    await expect(
      rejection(verifyBolWebhook(asRequest(push), { keys: { nothing: [] } as never })),
    ).resolves.toMatchObject({
      code: 'CONFIGURATION',
      option: 'keys',
    })
  })

  it('never puts the body or the signature into the error message', async () => {
    const error = (await rejection(
      verifyBolWebhook(asRequest(push, { body: `${push.body} ` }), { keys }),
    )) as BolWebhookError
    const signature = parseSignatureHeader(push.headers.signature ?? '')?.signature ?? ''
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain(signature.slice(0, 20))
    expect(error.message).not.toContain('retailerId')
  })
})

describe('parseSignatureHeader', () => {
  it('reads any order, case and quoting of the parameters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
        fc.base64String({ minLength: 4, maxLength: 64 }).filter((text) => text.length > 0),
        fc.boolean(),
        fc.boolean(),
        (keyId, signature, quote, reverse) => {
          const q = (value: string) => (quote ? `"${value}"` : value)
          const parts = [`KeyId=${q(keyId)}`, ` algorithm=${q('RSA-SHA256')}`, `  signature=${q(signature)}`]
          const parsed = parseSignatureHeader((reverse ? parts.reverse() : parts).join(','))
          expect(parsed).toEqual({ keyId, algorithm: 'rsa-sha256', signature })
        },
      ),
    )
  })

  it('never throws on arbitrary header values, and refuses those without keyId or signature', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const parsed = parseSignatureHeader(value)
        if (parsed !== undefined) expect(parsed.keyId.length * parsed.signature.length).toBeGreaterThan(0)
      }),
    )
  })
})
