import { b2brouterSignature } from '@b2bkit/emulator'
import { ConfigurationError } from '@b2bkit/http'
import { type ReceivedRequest, startTestServer, type TestServer } from '@b2bkit/test-utils'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type B2BRouterTestbed, invoiceInput, startTestbed } from './internal/test-support.js'
import { verifyB2BRouterWebhook } from './webhook.js'
import { type B2BRouterWebhookErrorCode, isB2BRouterWebhookError } from './webhook-error.js'

let bed: B2BRouterTestbed
let receiver: TestServer
let signatureKey: string
let delivery: ReceivedRequest

beforeAll(async () => {
  bed = await startTestbed()
  receiver = await startTestServer((_request, response) => {
    response.writeHead(204).end()
  })
  // B2Brouter configures webhooks in its app; the emulator takes them over its API.
  const registered = await fetch(`${bed.emulator.url}/accounts/${bed.accountId}/webhooks`, {
    method: 'POST',
    headers: { 'x-b2b-api-key': bed.emulator.credentials.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ webhook: { url: `${receiver.url}/b2brouter`, events: ['issued_invoice.created'] } }),
  })
  signatureKey = ((await registered.json()) as { webhook: { signature_key: string } }).webhook.signature_key
  await bed.client.invoices.create(bed.accountId, invoiceInput('HOOK-1'))
  while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  delivery = receiver.received[0] as ReceivedRequest
})
afterAll(async () => {
  await bed.emulator.stop()
  await receiver.close()
})

const headerOf = (request: ReceivedRequest) => String(request.headers['x-b2brouter-signature'])
const codeOf = async (verification: Promise<unknown>): Promise<B2BRouterWebhookErrorCode | 'resolved'> => {
  try {
    await verification
    return 'resolved'
  } catch (error) {
    if (isB2BRouterWebhookError(error)) return error.code
    throw error
  }
}

describe('verifyB2BRouterWebhook()', () => {
  it("accepts the emulator's signed delivery and returns its event", async () => {
    const event = await verifyB2BRouterWebhook(delivery.body, headerOf(delivery), signatureKey)
    expect(event).toMatchObject({ type: 'issued_invoice.created', data: { invoice: { number: 'HOOK-1' } } })
    const bytes = new TextEncoder().encode(delivery.body)
    expect(await verifyB2BRouterWebhook(bytes, headerOf(delivery), signatureKey)).toEqual(event)
  })

  it('rejects a delivery whose body was tampered with', async () => {
    const tampered = delivery.body.replace('HOOK-1', 'HOOK-2')
    expect(tampered).not.toBe(delivery.body)
    expect(await codeOf(verifyB2BRouterWebhook(tampered, headerOf(delivery), signatureKey))).toBe(
      'WEBHOOK_SIGNATURE_MISMATCH',
    )
    // Re-serialised JSON is a different byte string too: verify the raw body, parse afterwards.
    const reserialised = JSON.stringify(JSON.parse(delivery.body), null, 2)
    expect(await codeOf(verifyB2BRouterWebhook(reserialised, headerOf(delivery), signatureKey))).toBe(
      'WEBHOOK_SIGNATURE_MISMATCH',
    )
  })

  it('rejects a wrong secret and a signature for another timestamp', async () => {
    expect(await codeOf(verifyB2BRouterWebhook(delivery.body, headerOf(delivery), `${signatureKey}x`))).toBe(
      'WEBHOOK_SIGNATURE_MISMATCH',
    )
    const [, signature] = /s=([0-9a-f]+)/.exec(headerOf(delivery)) ?? []
    const signedAt = Number(/t=(\d+)/.exec(headerOf(delivery))?.[1])
    const moved = `t=${signedAt + 1},s=${signature}`
    expect(await codeOf(verifyB2BRouterWebhook(delivery.body, moved, signatureKey))).toBe('WEBHOOK_SIGNATURE_MISMATCH')
  })

  it('rejects a genuine delivery signed longer ago than the tolerance, and accepts it within', async () => {
    const signedAt = Number(/t=(\d+)/.exec(headerOf(delivery))?.[1]) * 1000
    const at = (offsetSeconds: number) => ({ clock: { now: () => signedAt + offsetSeconds * 1000 } })
    const verify = (offsetSeconds: number, toleranceSeconds?: number) =>
      codeOf(
        verifyB2BRouterWebhook(delivery.body, headerOf(delivery), signatureKey, {
          ...at(offsetSeconds),
          toleranceSeconds,
        }),
      )
    expect(await verify(299)).toBe('resolved')
    expect(await verify(301)).toBe('WEBHOOK_TIMESTAMP_STALE')
    expect(await verify(-301)).toBe('WEBHOOK_TIMESTAMP_STALE')
    expect(await verify(61, 60)).toBe('WEBHOOK_TIMESTAMP_STALE')
  })

  it('says which part is missing or malformed', async () => {
    const signature = b2brouterSignature('key', 1_700_000_000, '{}')
    const cases: Array<[string | null | undefined, B2BRouterWebhookErrorCode]> = [
      [undefined, 'WEBHOOK_SIGNATURE_MISSING'],
      [null, 'WEBHOOK_SIGNATURE_MISSING'],
      ['  ', 'WEBHOOK_SIGNATURE_MISSING'],
      ['t=1700000000', 'WEBHOOK_SIGNATURE_MALFORMED'],
      [signature.replace(/t=\d+,/, ''), 'WEBHOOK_SIGNATURE_MALFORMED'],
      [signature.replace('t=', 't=x'), 'WEBHOOK_SIGNATURE_MALFORMED'],
      [`${signature.slice(0, -2)}zz`, 'WEBHOOK_SIGNATURE_MALFORMED'],
      [`t=1,${signature}`, 'WEBHOOK_SIGNATURE_MALFORMED'],
      ['sha256=abcdef', 'WEBHOOK_SIGNATURE_MALFORMED'],
    ]
    for (const [header, code] of cases) expect(await codeOf(verifyB2BRouterWebhook('{}', header, 'key'))).toBe(code)
  })

  it('refuses a signed body that is not a JSON object', async () => {
    const now = Math.floor(Date.now() / 1000)
    for (const body of ['[1,2]', 'not json', '"text"']) {
      const header = b2brouterSignature('key', now, body)
      expect(await codeOf(verifyB2BRouterWebhook(body, header, 'key'))).toBe('WEBHOOK_PAYLOAD_INVALID')
    }
  })

  it('refuses an empty secret or a negative tolerance as configuration mistakes', async () => {
    await expect(verifyB2BRouterWebhook('{}', 't=1,s=00', '')).rejects.toBeInstanceOf(ConfigurationError)
    await expect(verifyB2BRouterWebhook('{}', 't=1,s=00', 'key', { toleranceSeconds: -1 })).rejects.toMatchObject({
      option: 'toleranceSeconds',
    })
  })

  it('never puts the secret, the signature or the body in an error', async () => {
    const header = headerOf(delivery)
    const errors = await Promise.all([
      verifyB2BRouterWebhook(delivery.body.replace('HOOK', 'HOKE'), header, signatureKey).catch((e: Error) => e),
      verifyB2BRouterWebhook(delivery.body, header, signatureKey, { clock: { now: () => 0 } }).catch((e: Error) => e),
    ])
    const signature = /s=([0-9a-f]+)/.exec(header)?.[1] ?? ''
    for (const error of errors) {
      const text = `${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).stack)}`
      for (const secret of [signatureKey, signature, 'HOOK-1']) expect(text).not.toContain(secret)
    }
  })
})

describe('verifyB2BRouterWebhook() on any input', () => {
  it('accepts every body signed with the key, and rejects it with any one byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue()).map((value) => JSON.stringify(value)),
        fc.string({ minLength: 1 }),
        fc.nat(),
        async (body, key, position) => {
          const now = Date.now()
          const header = b2brouterSignature(key, Math.floor(now / 1000), body)
          const clock = { now: () => now }
          await expect(verifyB2BRouterWebhook(body, header, key, { clock })).resolves.toEqual(JSON.parse(body))
          const bytes = new TextEncoder().encode(body)
          const index = position % bytes.length
          bytes[index] = (bytes[index] ?? 0) ^ 0x01
          expect(await codeOf(verifyB2BRouterWebhook(bytes, header, key, { clock }))).not.toBe('resolved')
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuses any other header with a B2BRouterWebhookError, never another error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc
            .tuple(fc.string(), fc.stringMatching(/^[0-9a-f]{0,70}$/))
            .map(([timestamp, signature]) => `t=${timestamp},s=${signature}`),
        ),
        async (header) => {
          const code = await codeOf(verifyB2BRouterWebhook('{}', header, 'key'))
          expect(code).not.toBe('resolved')
        },
      ),
      { numRuns: 200 },
    )
  })
})
