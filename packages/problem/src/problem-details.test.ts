import { readdirSync, readFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { ConfigurationError, createClient } from '@b2bkit/http'
import ky from 'ky'
import { afterEach, describe, expect, it } from 'vitest'
import { type LocalServer, serve } from './internal/test-server.js'
import { problemDetails } from './problem-details.js'
import { isProblemError, type ProblemError } from './problem-error.js'
import {
  BadRequestError,
  ForbiddenError,
  isPreconditionFailedError,
  NotFoundError,
  PreconditionFailedError,
  ServerError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './status-errors.js'

interface Fixture {
  status: number
  headers: Record<string, string>
  body?: unknown
  bodyText?: string
}

const fixtureDirectory = new URL('./__fixtures__/', import.meta.url)
const readFixture = (file: string): Fixture => JSON.parse(readFileSync(new URL(file, fixtureDirectory), 'utf8'))

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Serves one fixture, and returns what the client threw. */
async function errorFor(fixture: Fixture, plugins = [problemDetails()]): Promise<ProblemError> {
  server = await serve((_request, response) => {
    response.writeHead(fixture.status, fixture.headers)
    response.end(fixture.bodyText ?? (fixture.body === undefined ? undefined : JSON.stringify(fixture.body)))
  })
  const http = createClient({ baseUrl: server.url, retry: 0, plugins })
  const error = await http.get('resource/42?page=2').then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!isProblemError(error)) throw new Error(`expected a ProblemError, got ${String(error)}`)
  return error
}

/** What each recorded provider body must become. */
const expectations: Record<string, (error: ProblemError) => void> = {
  'bol-400-validation.json': (error) => {
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.type).toBe('https://api.bol.com/problems')
    expect(error.detail).toBe('Bad request')
    expect(error.violations.map((violation) => violation.name)).toEqual([
      'orderItems[0].orderItemId',
      'transport.transporterCode',
    ])
    expect(error.extensions.host).toBe('Instance-017')
    expect(error.requestId).toBe('5f0c2a9e-3b41-4d8e-a7c2-91e0d4b6f318')
    expect(error.retryable).toBe(false)
  },
  'bol-400-validation-xml.json': (error) => {
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.title).toBe('Error validating request. Consult the bol.com API documentation for more information.')
    expect(error.instance).toBe('https://api.bol.com/retailer/offers')
    expect(error.violations).toEqual([
      {
        name: 'pricing.bundlePrices[0].unitPrice',
        reason: "Request contains invalid value(s): '0.00', allowed values: 1.00 to 9999.99.",
      },
      { name: 'stock.amount', reason: "Request contains invalid value(s): '-1', allowed values: 0 to 999." },
    ])
    expect(error.extensions.host).toBe('Instance-017')
  },
  'bol-404-not-found.json': (error) => {
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.code).toBe('NOT_FOUND')
    expect(error.detail).toBe("Order with id '1043946570' could not be found.")
    expect(error.violations).toEqual([])
  },
  'bol-429-too-many-requests.json': (error) => {
    expect(error).toBeInstanceOf(TooManyRequestsError)
    expect(error.retryAfterMs).toBe(4000)
    expect(error.retryable).toBe(true)
  },
  'rfc9457-403-out-of-credit.json': (error) => {
    expect(error).toBeInstanceOf(ForbiddenError)
    expect(error.title).toBe('You do not have enough credit.')
    expect(error.extensions).toEqual({ balance: 12, accounts: ['/account/98765', '/account/43210'] })
  },
  'b2brouter-401-unauthorized.json': (error) => {
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect(error.providerCode).toBe('unauthorized')
    expect(error.detail).toMatch(/^Invalid API Key provided/)
    expect(error.title).toBe('Unauthorized')
    expect(error.requestId).toBe('req_8f1d2c3b4a5e6f70')
  },
  'b2brouter-404-resource-missing.json': (error) => {
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.providerCode).toBe('resource_missing')
    expect(error.extensions.error).toMatchObject({ type: 'invalid_request_error' })
  },
  'b2brouter-422-parameter-taken.json': (error) => {
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect(error.providerCode).toBe('parameter_taken')
    expect(error.violations).toEqual([{ name: 'invoice.number', reason: 'Number has already been taken' }])
  },
  'convictional-404-message.json': (error) => {
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error.detail).toBe('order not found')
  },
  'convictional-400-list.json': (error) => {
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.violations).toEqual([
      { name: 'items[0].sku', reason: 'items[0].sku is required' },
      { name: '', reason: 'shippingAddress.country must be a 2-letter code' },
    ])
    expect(error.detail).toBe('items[0].sku is required; shippingAddress.country must be a 2-letter code')
    expect(error.requestId).toBe('cv-3c9f1e22')
  },
  'siesmart-401-gateway.json': (error) => {
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect(error.providerCode).toBe('siesmart.gateway.unauthorized')
    expect(error.detail).toBe('The access token is missing or has expired.')
    expect(error.requestId).toBe('trace-5e6f7a8b')
  },
  'siesmart-412-stale-if-match.json': (error) => {
    expect(error).toBeInstanceOf(PreconditionFailedError)
    expect(isPreconditionFailedError(error)).toBe(true)
    expect(error.providerCode).toBe('siesmart.proposal.preconditionFailed')
    expect((error.extensions.errors as { logref: string }[])[0]?.logref).toBe('9a8b7c6d5e4f3a2b')
  },
  'siesmart-400-precondition-violations.json': (error) => {
    expect(error).toBeInstanceOf(BadRequestError)
    expect(error.providerCode).toBe('DECISION_NOT_ALLOWED')
    expect(error.detail).toBe('The proposal cannot be submitted for a decision yet.')
    expect(error.violations).toEqual([
      { name: 'CUSTOMER_MISSING', reason: 'Add a customer to the proposal.' },
      { name: 'CALCULATION_MISSING', reason: 'Add a calculation to the proposal.' },
    ])
  },
  'plain-text-503.json': (error) => {
    expect(error).toBeInstanceOf(ServerError)
    expect(error.detail).toBe('Service Unavailable: planned maintenance until 02:00 UTC')
    expect(error.retryAfterMs).toBe(30_000)
    expect(error.retryable).toBe(true)
  },
  'empty-502.json': (error) => {
    expect(error).toBeInstanceOf(ServerError)
    expect(error.title).toBe('Bad Gateway')
    expect(error.detail).toBeUndefined()
  },
}

describe('problemDetails() with the providers’ documented error bodies', () => {
  const files = readdirSync(fixtureDirectory).filter((file) => file.endsWith('.json'))

  it('has an expectation for every recorded fixture', () => {
    expect(files.sort()).toEqual(Object.keys(expectations).sort())
  })

  for (const file of files) {
    it(`turns ${file} into the right typed error`, async () => {
      const fixture = readFixture(file)
      const error = await errorFor(fixture)
      expect(error.status).toBe(fixture.status)
      expect(error.method).toBe('GET')
      expect(error.url).toBe(`${server?.url}/resource/42`)
      expect(error.response?.status).toBe(fixture.status)
      expectations[file]?.(error)
    })
  }
})

describe('problemDetails() with bodies that misbehave', () => {
  it('cuts a huge body at maxBodyBytes and still gives a typed error', async () => {
    const huge = { status: 500, headers: { 'content-type': 'text/plain' }, bodyText: 'x'.repeat(5 * 1024 * 1024) }
    const error = await errorFor(huge, [problemDetails({ maxBodyBytes: 64 * 1024 })])
    expect(error).toBeInstanceOf(ServerError)
    expect(error.detail?.length).toBeLessThanOrEqual(2001)
  })

  it('gives a typed error when the connection drops halfway through the body', async () => {
    server = await serve((_request, response) => {
      response.writeHead(422, { 'content-type': 'application/problem+json', 'content-length': '5000' })
      response.write('{"title":"Unprocessable","detail":"cut')
      setTimeout(() => response.destroy(), 20)
    })
    const error = await createClient({ baseUrl: server.url, retry: 0, plugins: [problemDetails()] })
      .get('x')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UnprocessableEntityError)
    expect((error as ProblemError).status).toBe(422)
  })

  it('stops reading a body that stalls, after readTimeoutMs', async () => {
    server = await serve((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' })
      response.write('first part of the body, then nothing more')
    })
    const started = Date.now()
    const error = await createClient({
      baseUrl: server.url,
      retry: 0,
      plugins: [problemDetails({ readTimeoutMs: 100 })],
    })
      .get('x')
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as ProblemError).detail).toBe('first part of the body, then nothing more')
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('decodes a body that is not UTF-8 with its charset, and survives bytes that are invalid in it', async () => {
    server = await serve((request, response) => {
      const latin1 = request.path === '/latin1'
      response.writeHead(400, { 'content-type': latin1 ? 'text/plain; charset=iso-8859-1' : 'text/plain' })
      response.end(latin1 ? Buffer.from('Ung\u00fcltige Menge', 'latin1') : Buffer.from([0xff, 0xfe, 0x41, 0xc3]))
    })
    const http = createClient({ baseUrl: server.url, retry: 0, plugins: [problemDetails()] })
    const latin1 = (await http.get('latin1').catch((caught: unknown) => caught)) as ProblemError
    expect(latin1.detail).toBe('Ungültige Menge')
    const invalid = (await http.get('invalid').catch((caught: unknown) => caught)) as ProblemError
    expect(invalid).toBeInstanceOf(BadRequestError)
    expect(invalid.detail).toBe('\ufffd\ufffdA\ufffd')
  })

  it('reads the body for what it is when the Content-Type lies', async () => {
    const bodies: Record<string, [string, string]> = {
      '/json-as-html': ['text/html', '{"title":"Conflict","detail":"order already shipped"}'],
      '/xml-as-json': ['application/json', '<problem><detail>offer is locked</detail></problem>'],
      '/html-as-json': ['application/json', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>'],
    }
    server = await serve((request, response) => {
      const [contentType, body] = bodies[request.path] ?? ['text/plain', '']
      response.writeHead(409, { 'content-type': contentType })
      response.end(body)
    })
    const http = createClient({ baseUrl: server.url, retry: 0, plugins: [problemDetails()] })
    const detailOf = async (path: string) =>
      ((await http.get(path.slice(1)).catch((caught: unknown) => caught)) as ProblemError).detail
    expect(await detailOf('/json-as-html')).toBe('order already shipped')
    expect(await detailOf('/xml-as-json')).toBe('offer is locked')
    expect(await detailOf('/html-as-json')).toBe('502 Bad Gateway')
  })
})

describe('problemDetails() as a plugin', () => {
  it('keeps the request’s credentials out of the message, toJSON() and util.inspect() when the body echoes them', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl-token'
    server = await serve((request, response) => {
      response.writeHead(401, { 'content-type': 'application/problem+json' })
      response.end(
        JSON.stringify({
          title: 'Unauthorized',
          detail: `token ${String(request.headers.authorization)} rejected`,
          echo: { apiKey: String(request.headers['x-api-key']) },
        }),
      )
    })
    const http = createClient({
      baseUrl: server.url,
      retry: 0,
      headers: { authorization: `Bearer ${token}`, 'x-api-key': 'key-1234567890' },
      plugins: [problemDetails()],
    })
    const error = (await http.get('x').catch((caught: unknown) => caught)) as ProblemError
    expect(server.seen[0]?.headers.authorization).toBe(`Bearer ${token}`)
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(view).not.toContain(token)
      expect(view).not.toContain('key-1234567890')
    }
    expect(error.detail).toBe('token Bearer [REDACTED] rejected')
    expect(Object.keys(error)).not.toContain('response')
  })

  it('keeps the values of the extra secret headers it is told of out of the error, by option or client context', async () => {
    server = await serve((request, response) => {
      response.writeHead(403, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ message: `partner ${String(request.headers['x-partner-token'])} not allowed` }))
    })
    const headers = { 'x-partner-token': 'partner-secret-42' }
    const byOption = createClient({
      baseUrl: server.url,
      retry: 0,
      headers,
      plugins: [problemDetails({ secretHeaders: ['X-Partner-Token'] })],
    })
    const byContext = createClient({
      baseUrl: server.url,
      retry: 0,
      headers,
      context: { secretHeaders: ['x-partner-token'] },
      plugins: [problemDetails()],
    })
    for (const http of [byOption, byContext]) {
      const error = (await http.get('x').catch((caught: unknown) => caught)) as ProblemError
      expect(error.detail).toBe('partner [REDACTED] not allowed')
      expect(inspect(error)).not.toContain('partner-secret-42')
    }
    expect(() => problemDetails({ secretHeaders: [1 as never] })).toThrow(/option "secretHeaders"/)
  })

  it('tries the parsers it is given before the built-in ones', async () => {
    const fixture = { status: 400, headers: { 'content-type': 'application/json' }, body: { fault: { reason: 'odd' } } }
    const error = await errorFor(fixture, [
      problemDetails({
        parsers: [
          () => {
            throw new Error('a broken parser is skipped')
          },
          ({ json }) => ({ detail: (json as { fault: { reason: string } }).fault.reason, providerCode: 'FAULT' }),
        ],
      }),
    ])
    expect(error.detail).toBe('odd')
    expect(error.providerCode).toBe('FAULT')
  })

  it('works on plain ky, falling back to ky’s error.data when it did not read the body itself', async () => {
    server = await serve((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/problem+json' })
      response.end('{"title":"Not Found","detail":"no such offer"}')
    })
    const plugin = problemDetails()
    const [beforeError] = plugin.options.hooks?.beforeError ?? []
    // Without the plugin's afterResponse hook, only ky's own `error.data` is there to read.
    const error = await ky
      .get(`${server.url}/offers/1`, { retry: 0, hooks: { beforeError: beforeError ? [beforeError] : [] } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as ProblemError).detail).toBe('no such offer')
    const withAll = await ky
      .extend(plugin.options)
      .get(`${server.url}/offers/1`, { retry: 0 })
      .catch((caught: unknown) => caught)
    expect((withAll as ProblemError).detail).toBe('no such offer')
  })

  it('leaves successful responses and errors without a response alone', async () => {
    server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"ok":true}')
    })
    const http = createClient({ baseUrl: server.url, retry: 0, plugins: [problemDetails()] })
    expect(await http.get('x').json()).toEqual({ ok: true })
    const refused = await createClient({ baseUrl: 'http://127.0.0.1:9', retry: 0, plugins: [problemDetails()] })
      .get('x')
      .catch((caught: unknown) => caught)
    expect(isProblemError(refused)).toBe(false)
    expect((refused as Error).name).toBe('NetworkError')
  })

  it('fails at construction when an option is wrong, naming the option', () => {
    expect(() => problemDetails({ maxBodyBytes: 0 })).toThrow(ConfigurationError)
    expect(() => problemDetails({ maxBodyBytes: 1.5 })).toThrow(/option "maxBodyBytes"/)
    expect(() => problemDetails({ readTimeoutMs: -1 })).toThrow(/option "readTimeoutMs"/)
    expect(() => problemDetails({ parsers: [42 as never] })).toThrow(/option "parsers\[0\]"/)
    expect(() => problemDetails({ parsers: 'x' as never })).toThrow(/option "parsers"/)
  })
})
