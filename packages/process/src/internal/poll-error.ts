// What a failed poll says, read from the shape of the error alone: `@b2bkit/problem`'s ProblemError (status,
// retryable, retryAfterMs), ky's HTTPError (response), or b2bkit's NetworkError and TimeoutError (code).

type ErrorShape = { status?: unknown; retryable?: unknown; retryAfterMs?: unknown; code?: unknown; response?: unknown }

const shapeOf = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : {}

/** The HTTP status of a failed poll, if it had a response. */
export function statusOf(error: unknown): number | undefined {
  const { status, response } = shapeOf(error)
  if (typeof status === 'number') return status
  return response instanceof Response ? response.status : undefined
}

/** How long the provider asked to wait before the next poll (`Retry-After`), in milliseconds. */
export function retryAfterOf(error: unknown, now: number): number | undefined {
  const { retryAfterMs, response } = shapeOf(error)
  if (typeof retryAfterMs === 'number') return retryAfterMs
  const header = response instanceof Response ? response.headers.get('retry-after')?.trim() : undefined
  if (!header) return undefined
  if (/^\d+$/.test(header)) return Number(header) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Whether polling again may get an answer: a transient HTTP status, a network failure or a time-out. */
export function isTransient(error: unknown): boolean {
  const { retryable, code } = shapeOf(error)
  if (typeof retryable === 'boolean') return retryable
  if (code === 'NETWORK' || code === 'TIMEOUT') return true
  const status = statusOf(error)
  return status === 408 || status === 425 || status === 429 || (status !== undefined && status >= 500 && status <= 599)
}
