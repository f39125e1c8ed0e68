/** A response a handler produced, held back so the fault layer can still replace or drop it. */
export interface ResponseDraft {
  /** HTTP status code. */
  status: number
  /** Response headers (lower or mixed case; written as given). */
  headers: Record<string, string>
  /** The body: text, bytes, or empty. */
  body: string | Uint8Array
}

/** A JSON response with the given media type. */
export function jsonResponse(
  status: number,
  body: unknown,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): ResponseDraft {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) }
}

/** A response with a text or binary body of the given media type. */
export function bodyResponse(
  status: number,
  body: string | Uint8Array,
  contentType: string,
  headers: Record<string, string> = {},
): ResponseDraft {
  return { status, headers: { 'content-type': contentType, ...headers }, body }
}

/** A response without a body, such as `204 No Content`. */
export function emptyResponse(status: number, headers: Record<string, string> = {}): ResponseDraft {
  return { status, headers, body: '' }
}

/** Whether a helper returned a ready response instead of a value. */
export const isResponse = (value: unknown): value is ResponseDraft =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value && 'headers' in value
