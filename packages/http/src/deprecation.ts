/** What a response said about the endpoint being deprecated. */
export interface DeprecationNotice {
  /** The endpoint, as `METHOD /path` with numeric and id-like path segments replaced by `{id}`. */
  endpoint: string
  /** The request URL (without query string). */
  url: string
  /** The text of a `Warning: 299` header, such as `Deprecated API`. */
  warning?: string
  /** The `Deprecation` header (RFC 9745): `true`, a date, or a structured date such as `@1735689600`. */
  deprecation?: string
  /** The `Sunset` header (RFC 8594): when the endpoint stops working. */
  sunset?: string
  /** A `Link` header with `rel="deprecation"` or `rel="sunset"`, when sent. */
  link?: string
}

/** Called once per endpoint the first time a response says it is deprecated. */
export type DeprecationHandler = (notice: DeprecationNotice) => void

// RFC 7234 §5.5: warn-code SP warn-agent SP warn-text; 299 is "Miscellaneous Persistent Warning".
const warning299 = /(?:^|,)\s*299\s+\S+\s+("(?:[^"\\]|\\.)*"|[^,]*)/

/** Reads the deprecation signals of a response, or `undefined` when there are none. */
export function readDeprecation(request: Request, response: Response): DeprecationNotice | undefined {
  const headers = response.headers
  const warningMatch = warning299.exec(headers.get('warning') ?? '')
  const deprecation = headers.get('deprecation') ?? undefined
  const sunset = headers.get('sunset') ?? undefined
  if (!warningMatch && deprecation === undefined && sunset === undefined) return undefined
  const url = new URL(request.url)
  url.search = ''
  const notice: DeprecationNotice = { endpoint: endpointOf(request.method, url.pathname), url: url.toString() }
  if (warningMatch?.[1]) notice.warning = warningMatch[1].trim().replace(/^"|"$/g, '')
  if (deprecation !== undefined) notice.deprecation = deprecation
  if (sunset !== undefined) notice.sunset = sunset
  const link = headers.get('link')
  if (link && /rel="?(deprecation|sunset)/i.test(link)) notice.link = link
  return notice
}

// All digits (an order id), or a longer token with digits in it (a UUID, an EAN with a prefix); `v10` stays.
function isIdLike(segment: string): boolean {
  return /^\d+$/.test(segment) || (segment.length >= 8 && /\d/.test(segment) && /^[\w.:-]+$/.test(segment))
}

/** `GET /retailer/orders/{id}` for `GET /retailer/orders/1043946570`: one key per endpoint, not per resource. */
export function endpointOf(method: string, pathname: string): string {
  const template = pathname
    .split('/')
    .map((segment) => (isIdLike(segment) ? '{id}' : segment))
    .join('/')
  return `${method.toUpperCase()} ${template}`
}
