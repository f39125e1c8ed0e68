import { createHash } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** What happened to a request, as the client saw it. */
export type RequestOutcome = 'pending' | 'answered' | 'reset'

/** Which fault, if any, the emulator injected into a request. */
export type InjectedFault = 'error' | 'reset' | 'token-outage'

/** One request the emulator received. Secrets (API keys, tokens, client secrets) are redacted. */
export interface RecordedRequest {
  /** The request id the emulator answered with. */
  requestId: string
  /** Upper-case HTTP method. */
  method: string
  /** Path without query string. */
  path: string
  /** Query parameters (the first value of each). */
  query: Record<string, string>
  /** Request headers, lower-case names, secrets replaced by `[REDACTED]`. */
  headers: Record<string, string>
  /** Request body as text, with `client_secret` values redacted. */
  body: string
  /** Arrival time in milliseconds since the epoch. */
  receivedAt: number
  /** The status answered, or `undefined` while pending or after a connection reset. */
  status: number | undefined
  /** Whether the request was answered, is still being handled, or its connection was reset. */
  outcome: RequestOutcome
  /** The fault the emulator injected, if any. */
  fault: InjectedFault | undefined
}

/**
 * One write (POST, PUT, PATCH, DELETE that changes state) in the write log. A reliability test reads this
 * log to check that no write reported done was lost and that no non-idempotent write was applied twice.
 */
export interface WriteRecord {
  /** Sequence number of the write, from 1, in arrival order. */
  writeId: number
  /** The request id of the request that carried it. */
  requestId: string
  /** Upper-case HTTP method. */
  method: string
  /** Path without query string. */
  path: string
  /** The parsed JSON body, or the raw text when it is not JSON (secrets redacted). */
  body: unknown
  /** The client's `Idempotency-Key` (or `X-Idempotency-Key`) header, when sent. */
  idempotencyKey: string | undefined
  /** SHA-256 of method, path and body: equal fingerprints mean the same write was sent again. */
  fingerprint: string
  /** The `writeId` of the first earlier write with the same fingerprint, when this one repeats it. */
  duplicateOf: number | undefined
  /** Whether the write changed state (or, for bol, was accepted as a process). `false` when a fault hit first. */
  applied: boolean
  /** The status answered, or `undefined` while pending or after a connection reset. */
  status: number | undefined
  /** The id of the resource created or changed, when known. */
  resourceId?: string
  /** bol: the process status id the write returned. */
  processStatusId?: string
  /** bol: how the process ended (`SUCCESS`, `FAILURE`), once it has. */
  processResult?: string
  /** Arrival time in milliseconds since the epoch. */
  receivedAt: number
}

const secretHeaders = new Set(['authorization', 'x-b2b-api-key', 'cookie', 'proxy-authorization'])

function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    const text = Array.isArray(value) ? value.join(', ') : value
    if (!secretHeaders.has(name)) result[name] = text
    else result[name] = /^(Bearer|Basic)\s/i.test(text) ? `${text.split(/\s/)[0]} [REDACTED]` : '[REDACTED]'
  }
  return result
}

/** Replaces the values of `client_secret` in JSON and form bodies. */
export function redactBody(body: string): string {
  return body
    .replace(/("client_secret"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"[REDACTED]"')
    .replace(/(^|&)(client_secret=)[^&]*/g, '$1$2[REDACTED]')
}

/** The in-memory log of requests and writes one emulator received. */
export class RequestLog {
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = []
  /** Every write, in arrival order. */
  readonly writes: WriteRecord[] = []
  private readonly firstWriteByFingerprint = new Map<string, number>()
  private writeSequence = 0

  /** Records an arriving request. */
  recordRequest(request: {
    requestId: string
    method: string
    path: string
    query: URLSearchParams
    headers: IncomingHttpHeaders
    rawBody: string
    receivedAt: number
  }): RecordedRequest {
    const recorded: RecordedRequest = {
      requestId: request.requestId,
      method: request.method,
      path: request.path,
      query: Object.fromEntries(request.query),
      headers: redactHeaders(request.headers),
      body: redactBody(request.rawBody),
      receivedAt: request.receivedAt,
      status: undefined,
      outcome: 'pending',
      fault: undefined,
    }
    this.requests.push(recorded)
    return recorded
  }

  /** Records an arriving write, linking it to an earlier identical one. */
  recordWrite(request: RecordedRequest, idempotencyKey: string | undefined): WriteRecord {
    const fingerprint = createHash('sha256').update(`${request.method} ${request.path}\n${request.body}`).digest('hex')
    const writeId = ++this.writeSequence
    const duplicateOf = this.firstWriteByFingerprint.get(fingerprint)
    if (duplicateOf === undefined) this.firstWriteByFingerprint.set(fingerprint, writeId)
    let body: unknown = request.body
    try {
      body = request.body === '' ? undefined : (JSON.parse(request.body) as unknown)
    } catch {}
    const write: WriteRecord = {
      writeId,
      requestId: request.requestId,
      method: request.method,
      path: request.path,
      body,
      idempotencyKey,
      fingerprint,
      duplicateOf,
      applied: false,
      status: undefined,
      receivedAt: request.receivedAt,
    }
    this.writes.push(write)
    return write
  }

  /** Empties both logs (the duplicate detection starts over too). */
  clear(): void {
    this.requests.length = 0
    this.writes.length = 0
    this.firstWriteByFingerprint.clear()
  }
}
