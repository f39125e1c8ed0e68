import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseProblem, problemSourceOf } from './parse-problem.js'
import { createProblemError } from './status-errors.js'

// Any UTF-16 code unit, lone surrogates included (fast-check's 'binary' unit costs seconds to set up).
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))

const sourceOf = (text: string | undefined, contentType = 'application/json', status = 400) =>
  problemSourceOf({ status, headers: new Headers(contentType ? { 'content-type': contentType } : {}), text })

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

// Any non-empty text: the XML reader keeps control characters and carriage returns as they are.
const xmlText = fc.string({ unit: 'grapheme', minLength: 1 })
const violation = fc.record({ name: xmlText, reason: xmlText })
const problem = fc.record({
  type: fc.webUrl(),
  title: xmlText,
  detail: xmlText,
  instance: fc.webUrl(),
  violations: fc.array(violation, { maxLength: 5 }),
})

describe('parseProblem', () => {
  it('reads back any RFC 9457 / bol problem it is given as JSON', () => {
    fc.assert(
      fc.property(
        problem,
        fc.constantFrom('application/problem+json', 'application/vnd.retailer.v10+json'),
        (value, type) => {
          const parsed = parseProblem(sourceOf(JSON.stringify({ ...value, status: 400, host: 'i-1' }), type))
          expect(parsed).toMatchObject(value)
          expect(parsed.extensions).toEqual({ host: 'i-1' })
        },
      ),
    )
  })

  it('reads back any problem it is given as attribute-free XML, with either violations layout', () => {
    fc.assert(
      fc.property(problem, fc.boolean(), (value, wrapped) => {
        const violations = value.violations
          .map((entry) => `<name>${escapeXml(entry.name)}</name><reason>${escapeXml(entry.reason)}</reason>`)
          .map((fields) => (wrapped ? `<violation>${fields}</violation>` : `<violations>${fields}</violations>`))
          .join('\n')
        const xml = `<?xml version="1.0"?>\n<problem xmlns="urn:ietf:rfc:7807">\n<type>${escapeXml(value.type)}</type>
<title>${escapeXml(value.title)}</title><detail>${escapeXml(value.detail)}</detail>
<instance>${escapeXml(value.instance)}</instance>\n${wrapped && violations ? `<violations>${violations}</violations>` : violations}\n</problem>`
        expect(parseProblem(sourceOf(xml, 'application/vnd.retailer.v10+xml'))).toMatchObject(value)
      }),
    )
  })

  it('never throws, and always yields a typed error with the response status, whatever the body and content type', () => {
    const body = fc.oneof(
      fc.string({ unit: anyCodeUnit }),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ error: value, errors: value, violations: value, detail: value })),
      fc.string().map((text) => `<problem><title>${text}</title><violations>${text}</violations></problem>`),
    )
    const contentType = fc.constantFrom(
      '',
      'application/json',
      'application/problem+json',
      'text/html',
      'application/xml',
      'text/plain',
    )
    fc.assert(
      fc.property(body, contentType, fc.integer({ min: 400, max: 599 }), (text, type, status) => {
        const parsed = parseProblem(sourceOf(text, type, status))
        const error = createProblemError({ ...parsed, status })
        expect(error.status).toBe(status)
        expect(typeof error.title).toBe('string')
        expect(Array.isArray(error.violations)).toBe(true)
        for (const entry of error.violations) expect(typeof entry.reason).toBe('string')
      }),
      { numRuns: 300 },
    )
  })

  it('reads bytes that are not text as plain text instead of failing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const text = new TextDecoder().decode(bytes)
        expect(() => parseProblem(sourceOf(text, 'application/json'))).not.toThrow()
      }),
    )
  })

  it('keeps an unknown JSON shape whole in extensions, with its message as the detail', () => {
    const parsed = parseProblem(sourceOf('{"message":"maintenance","code":503,"window":{"until":"02:00"}}'))
    expect(parsed).toMatchObject({ detail: 'maintenance', providerCode: '503' })
    expect(parsed.extensions).toEqual({ message: 'maintenance', code: 503, window: { until: '02:00' } })
  })

  it('takes RFC 9457 errors[] as violations and a provider retryable flag over the status default', () => {
    const text = JSON.stringify({
      title: 'Invalid',
      retryable: true,
      errors: [{ detail: 'must be a positive integer', pointer: '#/age' }],
    })
    const parsed = parseProblem(sourceOf(text, 'application/problem+json'))
    expect(parsed.violations).toEqual([{ name: '#/age', reason: 'must be a positive integer' }])
    expect(createProblemError({ ...parsed, status: 400 }).retryable).toBe(true)
  })

  it('gives nothing for an empty body, so the error keeps the reason phrase as its title', () => {
    expect(parseProblem(sourceOf('', ''))).toEqual({})
    expect(parseProblem(sourceOf(undefined, ''))).toEqual({})
    expect(createProblemError({ ...parseProblem(sourceOf('   ', 'text/plain')), status: 404 }).title).toBe('Not Found')
  })

  it('reads an HTML error page for its title only', () => {
    const html =
      '<!doctype html><html><head><title> 503 Service Temporarily Unavailable </title></head><body>…</body></html>'
    expect(parseProblem(sourceOf(html, 'text/html')).detail).toBe('503 Service Temporarily Unavailable')
  })
})
