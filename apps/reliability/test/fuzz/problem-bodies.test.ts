import {
  defaultParsers,
  isProblemError,
  type ParsedProblem,
  parseRetryAfter,
  problemFromResponse,
  problemSourceOf,
  problemXmlParser,
} from '@b2bkit/problem'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyHeaderText, numberText } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'
import { jsonBody, problemXmlDocument, spliceSecrets, textBody, xmlBody } from '../support/problem-bodies.js'
import { leakedSecrets, plantedToken } from '../support/secrets.js'

const anyBody = fc.oneof(jsonBody, xmlBody, textBody)
const contentType = fc.constantFrom(
  'application/problem+json',
  'application/json; charset=utf-8',
  'application/vnd.retailer.v10+json',
  'application/problem+xml',
  'text/html',
  'text/plain; charset=iso-8859-1',
  '',
)
const status = fc.integer({ min: 400, max: 599 })
const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
}

function expectWellTyped(parsed: ParsedProblem | undefined): void {
  if (parsed === undefined) return
  for (const field of ['type', 'title', 'detail', 'instance', 'providerCode'] as const) {
    expect(['string', 'undefined']).toContain(typeof parsed[field])
  }
  expect(['boolean', 'undefined']).toContain(typeof parsed.retryable)
  for (const violation of parsed.violations ?? []) {
    expect(typeof violation.name).toBe('string')
    expect(typeof violation.reason).toBe('string')
  }
  if (parsed.extensions !== undefined) expect(typeof parsed.extensions).toBe('object')
}

describe('problem body parsing (fuzzed)', () => {
  it(
    'no built-in parser throws or returns a mistyped field, whatever the body and its Content-Type',
    () => {
      fc.assert(
        fc.property(anyBody, contentType, status, (text, type, code) => {
          const source = problemSourceOf({ status: code, headers: new Headers({ 'content-type': type }), text })
          for (const parser of defaultParsers) expectWellTyped(parser(source))
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    'reads back the title, detail and violations of a well-formed problem XML document',
    () => {
      fc.assert(
        fc.property(problemXmlDocument, ({ fields, text }) => {
          const parsed = problemXmlParser(problemSourceOf({ status: 400, headers: new Headers(), text }))
          expect(parsed).toMatchObject({ title: fields.title, detail: fields.detail, violations: fields.violations })
        }),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    'turns every failed response into the ProblemError of its status, with no echoed credential in any view of it',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          anyBody,
          contentType,
          status,
          plantedToken,
          plantedToken,
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          fc.option(anyHeaderText, { nil: undefined }),
          async (text, type, code, token, apiKey, where, requestId) => {
            const request = new Request('https://api.example/orders/7?page=2', {
              headers: { authorization: `Bearer ${token}`, 'x-b2b-api-key': apiKey },
            })
            const body = spliceSecrets(text, [token, `Bearer ${token} ${apiKey}`], where)
            const headers = new Headers({ 'content-type': type })
            if (requestId !== undefined) headers.set('x-request-id', requestId)
            const error = await problemFromResponse(new Response(body, { status: code, headers }), { request })
            expect(isProblemError(error)).toBe(true)
            expect(error.status).toBe(code)
            expect(error.code).toBe(code >= 500 ? 'SERVER_ERROR' : (codeByStatus[code] ?? 'PROBLEM'))
            expect(error.retryable).toBeTypeOf('boolean')
            // Headers trim HTTP whitespace (space, tab) only; String.trim() would take more.
            const sentId = requestId?.replace(/^[\t ]+|[\t ]+$/g, '')
            if (sentId !== undefined && sentId !== '') expect(error.requestId).toBe(sentId)
            expect(leakedSecrets(error, { token, apiKey })).toEqual([])
          },
        ),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )

  it(
    'parses Retry-After as delay-seconds or an HTTP date, and nothing else, into a wait of zero or more',
    () => {
      const now = Date.UTC(2026, 10, 25, 12)
      fc.assert(
        fc.property(
          fc.oneof(
            numberText,
            anyHeaderText,
            fc.date().map((date) => (Number.isNaN(date.getTime()) ? 'x' : date.toUTCString())),
          ),
          (value) => {
            const wait = parseRetryAfter(value, now)
            if (wait === undefined) return
            expect(wait).toBeGreaterThanOrEqual(0)
            const trimmed = value.trim()
            if (/^\d+$/.test(trimmed)) expect(wait).toBe(Number(trimmed) * 1000)
            else expect(wait).toBe(Math.max(0, Date.parse(trimmed) - now))
          },
        ),
        fuzzParameters(),
      )
    },
    fuzzTimeoutMs(),
  )
})
