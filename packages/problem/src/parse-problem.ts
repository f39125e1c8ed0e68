import { b2brouterParser } from './parsers/b2brouter.js'
import { convictionalParser } from './parsers/convictional.js'
import { genericJsonParser, plainTextParser } from './parsers/fallback.js'
import { problemJsonParser } from './parsers/problem-json.js'
import { problemXmlParser } from './parsers/problem-xml.js'
import { siesmartParser } from './parsers/siesmart.js'
import type { ParsedProblem, ProblemParser, ProblemSource } from './problem-source.js'

/**
 * The built-in parsers, in the order they are tried: RFC 9457 / bol.com JSON, B2Brouter, Convictional, SieSmart,
 * problem XML, any other JSON object, plain text. Parsers passed to `problemDetails({ parsers })` run before these.
 */
export const defaultParsers: readonly ProblemParser[] = Object.freeze([
  problemJsonParser,
  b2brouterParser,
  convictionalParser,
  siesmartParser,
  problemXmlParser,
  genericJsonParser,
  plainTextParser,
])

/** What the body of a failed response was, before parsing. */
export interface RawProblemBody {
  /** The HTTP status. */
  status: number
  /** The response headers. */
  headers: Headers
  /** The decoded body text, or `undefined` when there was none or it could not be read. */
  text: string | undefined
  /** Whether the body was cut at the size bound. @default false */
  truncated?: boolean
}

/**
 * Builds the `ProblemSource` the parsers read: the media type without parameters, and the body parsed as JSON when
 * it is JSON, whatever the `Content-Type` says.
 */
export function problemSourceOf(body: RawProblemBody): ProblemSource {
  const contentType = (body.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
  return {
    status: body.status,
    contentType,
    headers: body.headers,
    text: body.text,
    json: parseJson(body.text),
    truncated: body.truncated ?? false,
  }
}

/**
 * Reads a problem from a failed response's body with `parsers` and then the built-in ones; the first parser that
 * recognises the body wins. Never throws: a parser that throws is skipped, and a body nobody recognises gives `{}`.
 *
 * @example
 * ```ts
 * parseProblem(problemSourceOf({ status: 404, headers, text: '{"error":"order not found"}' })).detail // 'order not found'
 * ```
 */
export function parseProblem(source: ProblemSource, parsers: readonly ProblemParser[] = []): ParsedProblem {
  for (const parser of [...parsers, ...defaultParsers]) {
    try {
      const parsed = parser(source)
      if (parsed !== undefined) return parsed
    } catch {
      // A parser that cannot cope with this body has no say; the next one gets a turn.
    }
  }
  return {}
}

function parseJson(text: string | undefined): unknown {
  const trimmed = text?.trim()
  if (!trimmed || !/^[[{"\d-]|^(true|false|null)$/.test(trimmed)) return undefined
  try {
    return JSON.parse(trimmed)
  } catch {
    return undefined
  }
}
