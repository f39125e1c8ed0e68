import type { IncomingHttpHeaders } from 'node:http'
import type { WriteRecord } from './request-log.js'

/** One request as a handler sees it: already read, parsed and given an id. */
export interface Exchange {
  /** The id the emulator answers in its request-id header (the client's own when it sent one). */
  readonly requestId: string
  /** Upper-case HTTP method. */
  readonly method: string
  /** The path without the query string. */
  readonly path: string
  /** The query string. */
  readonly query: URLSearchParams
  /** Request headers, lower-case names (Node's `IncomingHttpHeaders`). */
  readonly headers: IncomingHttpHeaders
  /** The request body as text (empty when none). */
  readonly rawBody: string
  /** When the request arrived, in milliseconds since the epoch. */
  readonly receivedAt: number
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string
  /** Path parameters of the matched route. */
  params: Record<string, string>
  /** The entry in the write log when this request is a write. */
  readonly write: WriteRecord | undefined
  /** What authentication established (a token's claims, an API key's role), set by the provider. */
  principal: Readonly<Record<string, string>>
}

/** One header value as a string (the first when repeated), or `undefined`. */
export function headerValue(exchange: Pick<Exchange, 'headers'>, name: string): string | undefined {
  const value = exchange.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
export function jsonBody(exchange: Pick<Exchange, 'rawBody'>): unknown {
  if (exchange.rawBody.trim() === '') return undefined
  try {
    return JSON.parse(exchange.rawBody) as unknown
  } catch {
    return undefined
  }
}

/** Marks the exchange's write as applied: the state changed (or a process was accepted) because of it. */
export function markApplied(exchange: Exchange, details: { resourceId?: string; processStatusId?: string } = {}): void {
  if (!exchange.write) return
  exchange.write.applied = true
  if (details.resourceId !== undefined) exchange.write.resourceId = details.resourceId
  if (details.processStatusId !== undefined) exchange.write.processStatusId = details.processStatusId
}

/** A plain-object guard for parsed JSON bodies. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
