import { createHmac, createSign, generateKeyPairSync } from 'node:crypto'
import { isB2BRouterWebhookError, verifyB2BRouterWebhook } from '@b2bkit/b2brouter'
import { BolWebhookError, verifyBolWebhook } from '@b2bkit/bol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHeaderText } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'

// The signer is node:crypto, independent of the Web Crypto code under test.
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
const keys = [
  { id: '0', type: 'RSA' as const, publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') },
]
const bolSign = (body: string) => createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64')
const b2brouterSign = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')

const notification = fc
  .record({
    retailerId: fc.nat(),
    timestamp: fc.string(),
    event: fc.record({ resource: fc.string(), type: fc.string() }),
  })
  .map((body) => JSON.stringify(body))
const eventBody = fc
  .record({ id: fc.uuid(), type: fc.string(), created_at: fc.string(), data: fc.record({ invoice: fc.jsonValue() }) })
  .map((body) => JSON.stringify(body))

/** A header changed the way a forger or a broken proxy would: one character replaced, cut, or doubled. */
function mutate(header: string, at: number, replacement: string, kind: 'replace' | 'cut' | 'double'): string {
  const index = Math.floor(at * header.length)
  if (kind === 'cut') return header.slice(0, index)
  if (kind === 'double') return `${header},${header.slice(index)}`
  return header.slice(0, index) + replacement + header.slice(index + 1)
}
const mutation = fc.tuple(
  fc.double({ min: 0, max: 0.85, noNaN: true }),
  fc.constantFrom('A', 'z', '0', '+', '=', ',', ' ', '"', '\t'),
  fc.constantFrom<'replace' | 'cut' | 'double'>('replace', 'cut', 'double'),
)
const bolReasons = [
  'missing-signature',
  'malformed-signature',
  'unsupported-algorithm',
  'unknown-key',
  'invalid-key',
  'bad-signature',
  'malformed-body',
]

describe('webhook signature headers (fuzzed)', () => {
  it(
    "accepts bol's Signature header in any order, quoting and spacing of its parameters",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          notification,
          fc.shuffledSubarray(['keyId', 'algorithm', 'signature'], { minLength: 3, maxLength: 3 }),
          fc.boolean(),
          fc.constantFrom(',', ', ', ' ,  '),
          async (body, order, quoted, separator) => {
            const values: Record<string, string> = { keyId: '0', algorithm: 'rsa-sha256', signature: bolSign(body) }
            const header = order.map((name) => `${name}=${quoted ? `"${values[name]}"` : values[name]}`).join(separator)
            await expect(verifyBolWebhook({ headers: { signature: header }, body }, { keys })).resolves.toEqual(
              JSON.parse(body),
            )
          },
        ),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    'refuses a forged, changed or garbled bol Signature header, or a changed body, with a typed BolWebhookError',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          notification,
          fc.oneof(
            anyHeaderText.map((text) => ({ text })),
            mutation.map((change) => ({ change })),
          ),
          fc.boolean(),
          async (body, header, tamperBody) => {
            const valid = `keyId=0, algorithm="rsa-sha256", signature=${bolSign(body)}`
            const sent = 'text' in header ? header.text : mutate(valid, ...header.change)
            const received = tamperBody ? `${body} ` : body
            const outcome = await verifyBolWebhook({ headers: { signature: sent }, body: received }, { keys }).then(
              () => 'accepted',
              (error: unknown) => error,
            )
            if (sent === valid && !tamperBody) return
            if (outcome === 'accepted') {
              // A mutation may leave the header meaning the same (a space added); then the body must be untouched.
              expect(tamperBody).toBe(false)
              return
            }
            expect(outcome).toBeInstanceOf(BolWebhookError)
            expect(bolReasons).toContain((outcome as BolWebhookError).reason)
          },
        ),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    "accepts B2Brouter's X-B2Brouter-Signature for any body, and refuses it typed once anything changes",
    async () => {
      const now = Date.UTC(2026, 10, 25, 12)
      const clock = { now: () => now }
      await fc.assert(
        fc.asyncProperty(
          eventBody,
          fc.string({ minLength: 1, maxLength: 40 }),
          fc.integer({ min: -1_000, max: 1_000 }),
          fc.option(
            fc.oneof(
              anyHeaderText.map((text) => ({ text })),
              mutation.map((change) => ({ change })),
            ),
            {
              nil: undefined,
            },
          ),
          async (body, secret, skewSeconds, header) => {
            const timestamp = Math.floor(now / 1000) + skewSeconds
            const valid = `t=${timestamp},s=${b2brouterSign(secret, timestamp, body)}`
            const sent = header === undefined ? valid : 'text' in header ? header.text : mutate(valid, ...header.change)
            const outcome = await verifyB2BRouterWebhook(body, sent, secret, { clock }).then(
              (event) => ({ event }),
              (error: unknown) => ({ error }),
            )
            if ('event' in outcome) {
              expect(Math.abs(skewSeconds)).toBeLessThanOrEqual(300)
              expect(outcome.event).toEqual(JSON.parse(body))
              return
            }
            expect(isB2BRouterWebhookError(outcome.error), String(outcome.error)).toBe(true)
            if (sent === valid) expect((outcome.error as { code: string }).code).toBe('WEBHOOK_TIMESTAMP_STALE')
          },
        ),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )
})
