import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Clock, sleep } from './clock.js'
import { type DeprecationRule, deprecationHeaders } from './deprecations.js'
import { type Exchange, headerValue } from './exchange.js'
import type { FaultController } from './faults.js'
import type { ProviderDefinition } from './provider.js'
import type { RecordedRequest, RequestLog, WriteRecord } from './request-log.js'
import type { ResponseDraft } from './response.js'

/** A running HTTP server on 127.0.0.1. */
export interface RunningServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string
  /** Closes the server and every open connection. */
  close(): Promise<void>
}

/** What the request pipeline needs besides the provider definition. */
export interface ServerContext {
  faults: FaultController
  log: RequestLog
  clock: Clock
  /** Counts calls to the token endpoint (including refused ones). */
  onTokenRequest(): void
  /** The endpoints announced as deprecated right now. */
  deprecations(): readonly DeprecationRule[]
}

const maximumBodyBytes = 5 * 1024 * 1024

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maximumBodyBytes) request.destroy(new Error('body too large'))
      else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

async function send(response: ServerResponse, draft: ResponseDraft, slowBodyMs: number): Promise<void> {
  const body = typeof draft.body === 'string' ? Buffer.from(draft.body, 'utf8') : Buffer.from(draft.body)
  response.writeHead(draft.status, { ...draft.headers, 'content-length': String(body.length) })
  if (slowBodyMs <= 0 || body.length === 0) {
    response.end(body)
    return
  }
  const pieces = Math.min(10, body.length)
  const pieceSize = Math.ceil(body.length / pieces)
  for (let offset = 0; offset < body.length; offset += pieceSize) {
    if (response.destroyed) return
    response.write(body.subarray(offset, offset + pieceSize))
    await sleep(slowBodyMs / pieces)
  }
  response.end()
}

function reset(request: IncomingMessage): void {
  const socket = request.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void }
  if (socket.resetAndDestroy) socket.resetAndDestroy()
  else socket.destroy()
}

/** Runs the provider's handlers after preflight, authentication and rate limiting. */
async function answer(provider: ProviderDefinition, exchange: Exchange): Promise<ResponseDraft> {
  const rejected = provider.preflight?.(exchange) ?? (await provider.authenticate(exchange))
  const counted = provider.isTokenRequest(exchange) ? undefined : provider.rateLimiterFor(exchange)
  const countedPath = counted?.path ?? exchange.path
  if (rejected) {
    // Refused requests do not count, but still report the budget (rate-limit headers on every response).
    const state = counted?.limiter.peek(exchange.method, countedPath, counted.clientKey)
    if (state) Object.assign(rejected.headers, provider.rateLimitHeaders(state))
    return rejected
  }
  const decision = counted?.limiter.check(exchange.method, countedPath, counted.clientKey)
  let draft: ResponseDraft
  if (decision && !decision.allowed) {
    draft = provider.errorResponse(exchange, 429, 'Too many requests, please retry later.')
    draft.headers['retry-after'] = String(Math.max(1, Math.ceil(decision.resetMs / 1000)))
  } else {
    const route = provider.router.match(exchange.method, exchange.path)
    if (route.kind === 'found') {
      exchange.params = route.params
      draft = await route.handler(exchange)
    } else if (route.kind === 'method-not-allowed') {
      draft = provider.errorResponse(exchange, 405, `Method ${exchange.method} is not allowed here.`)
      draft.headers.allow = route.allowed.join(', ')
    } else {
      draft = provider.errorResponse(exchange, 404, `No resource at ${exchange.path}.`)
    }
  }
  if (decision) Object.assign(draft.headers, provider.rateLimitHeaders(decision))
  return draft
}

/** Starts the provider's HTTP server on 127.0.0.1 with the fault, log and rate-limit pipeline. */
export function startServer(provider: ProviderDefinition, context: ServerContext, port = 0): Promise<RunningServer> {
  const { faults, log, clock } = context
  const handle = async (request: IncomingMessage, response: ServerResponse, origin: string) => {
    const receivedAt = clock.now()
    const rawBody = await readBody(request)
    const url = new URL(request.url ?? '/', origin)
    const method = (request.method ?? 'GET').toUpperCase()
    const requestId = headerValue(request, provider.requestIdHeader) ?? randomUUID()
    const base = {
      requestId,
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      rawBody,
      receivedAt,
    }
    const recorded: RecordedRequest = log.recordRequest(base)
    const isToken = provider.isTokenRequest(base)
    if (isToken) context.onTokenRequest()
    const idempotencyKey = headerValue(request, 'idempotency-key') ?? headerValue(request, 'x-idempotency-key')
    const isWrite = provider.isWrite ? provider.isWrite(base) : method !== 'GET' && method !== 'HEAD'
    const write: WriteRecord | undefined = !isToken && isWrite ? log.recordWrite(recorded, idempotencyKey) : undefined
    const exchange: Exchange = { ...base, origin, params: {}, write, principal: {} }
    const finish = async (draft: ResponseDraft) => {
      draft.headers[provider.requestIdHeader.toLowerCase()] = requestId
      Object.assign(draft.headers, deprecationHeaders(context.deprecations(), method, url.pathname))
      recorded.status = draft.status
      recorded.outcome = 'answered'
      if (write) write.status = draft.status
      await send(response, draft, faults.slowBodyMs)
    }
    const dropConnection = () => {
      recorded.outcome = 'reset'
      recorded.fault = 'reset'
      reset(request)
    }

    const latency = faults.latencyMs()
    if (latency > 0) await sleep(latency)
    const fault = faults.decide()
    if (fault.kind === 'reset' && fault.beforeApply) return dropConnection()
    if (fault.kind === 'error' && fault.beforeApply) {
      recorded.fault = 'error'
      return finish(provider.errorResponse(exchange, fault.status, 'The service is temporarily unavailable.'))
    }
    if (isToken && faults.tokenOutage()) {
      recorded.fault = 'token-outage'
      const outage = provider.errorResponse(exchange, 503, 'The token service is unavailable.')
      const remainingMs = faults.tokenOutageRemainingMs()
      if (remainingMs !== undefined) outage.headers['retry-after'] = String(Math.max(1, Math.ceil(remainingMs / 1000)))
      return finish(outage)
    }
    let draft: ResponseDraft
    try {
      draft = await answer(provider, exchange)
    } catch {
      draft = provider.errorResponse(exchange, 500, 'Internal server error.')
    }
    if (fault.kind === 'reset') return dropConnection()
    if (fault.kind === 'error') {
      recorded.fault = 'error'
      return finish(provider.errorResponse(exchange, fault.status, 'The service is temporarily unavailable.'))
    }
    return finish(draft)
  }

  return new Promise((resolve, reject) => {
    const server = createServer({ keepAliveTimeout: 5_000 }, (request, response) => {
      const address = server.address() as AddressInfo
      handle(request, response, `http://127.0.0.1:${address.port}`).catch(() => {
        if (!response.headersSent) response.writeHead(500).end()
        else response.destroy()
      })
    })
    server.on('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
