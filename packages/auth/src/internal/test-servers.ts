// Test helpers: small node:http servers on 127.0.0.1 with a random port. Node-only; never exported by the package.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { base64url } from 'jose'
import { type AuthError, isAuthError } from '../errors.js'

/** One request as a test server saw it. */
export interface SeenRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
}

/** A running test server. */
export interface RunningServer {
  url: string
  seen: SeenRequest[]
  close(): Promise<void>
}

/** Starts a server that records every request and lets `handle` answer it. */
export async function startServer(
  handle: (request: SeenRequest, response: ServerResponse) => void | Promise<void>,
): Promise<RunningServer> {
  const seen: SeenRequest[] = []
  const server = createServer(async (incoming, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const request = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    }
    seen.push(request)
    try {
      await handle(request, response)
    } catch (error) {
      if (!response.headersSent) response.writeHead(599)
      response.end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Writes a JSON answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers })
  response.end(JSON.stringify(body))
}

/** An unsigned-looking JWT with the given claims (the client never checks signatures). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value))
  return `${encode({ alg: 'RS256', typ: 'at+jwt' })}.${encode(claims)}.c2lnbmF0dXJl`
}

/** How a test token endpoint checks the client and shapes its tokens. */
export interface TokenEndpointBehaviour {
  clientId: string
  clientSecret: string
  /** How the client must authenticate. */
  authMethod: 'basic' | 'form' | 'json'
  /** Token lifetime in seconds, put in the JWT `exp` (and `expires_in`, unless `expiresIn` says otherwise). */
  lifetimeSeconds: number
  /** The endpoint's clock, epoch ms; also sent as the `Date` header. @default Date.now */
  now?: () => number
  /** `expires_in` to send instead of the lifetime; `null` sends none. */
  expiresIn?: number | null
  /** Send opaque tokens instead of JWTs. */
  opaque?: boolean
  /** Wait this long before answering. */
  delayMs?: number
}

/**
 * A token endpoint in the style of the providers: checks the client credentials sent the expected way, answers
 * 401 `invalid_client` when they are wrong, and issues numbered tokens (`…-1`, `…-2`) so tests can tell them apart.
 */
export function tokenEndpoint(behaviour: TokenEndpointBehaviour) {
  let issued = 0
  return async (request: SeenRequest, response: ServerResponse) => {
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
    const now = behaviour.now?.() ?? Date.now()
    const date = new Date(now).toUTCString()
    const credentials = credentialsOf(request, behaviour.authMethod)
    if (credentials.clientId !== behaviour.clientId || credentials.clientSecret !== behaviour.clientSecret) {
      sendJson(
        response,
        401,
        { error: 'invalid_client', error_description: 'client authentication failed' },
        { date, 'www-authenticate': 'Basic realm="token"' },
      )
      return
    }
    issued++
    const exp = Math.floor(now / 1000) + behaviour.lifetimeSeconds
    const accessToken = behaviour.opaque
      ? `opaque-token-${issued}`
      : fakeJwt({ sub: behaviour.clientId, iat: Math.floor(now / 1000), exp, n: issued })
    const expiresIn = behaviour.expiresIn === undefined ? behaviour.lifetimeSeconds : behaviour.expiresIn
    sendJson(
      response,
      200,
      { access_token: accessToken, token_type: 'Bearer', ...(expiresIn === null ? {} : { expires_in: expiresIn }) },
      { date },
    )
  }
}

function credentialsOf(request: SeenRequest, authMethod: 'basic' | 'form' | 'json') {
  if (authMethod === 'json') {
    const body = JSON.parse(request.body) as Record<string, string>
    return { clientId: body.client_id, clientSecret: body.client_secret }
  }
  const form = new URLSearchParams(request.body)
  if (authMethod === 'form') return { clientId: form.get('client_id'), clientSecret: form.get('client_secret') }
  const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? ''
  const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':')
  const decode = (value: string) => decodeURIComponent(value.replaceAll('+', ' '))
  return { clientId: decode(id), clientSecret: decode(secret) }
}

/** The numbered claim `n` of a token from `tokenEndpoint()`: which issued token it is. */
export function tokenNumber(token: string): number {
  const match = /-(\d+)$/.exec(token)
  if (match) return Number(match[1])
  const payload = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? ''))) as { n: number }
  return payload.n
}

/** The AuthError `promise` rejects with; anything else (or no rejection) fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  if (!isAuthError(error)) throw new Error(`expected an AuthError, got ${String(error)}`)
  return error
}
