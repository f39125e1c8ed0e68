import { hasMarker, mark } from './internal/markers.js'
import { ProblemError, type ProblemInit } from './problem-error.js'

// One marker per class, shared by every installed copy through the global symbol registry.
const markers = {
  badRequest: Symbol.for('b2bkit.error.problem.bad-request'),
  unauthorized: Symbol.for('b2bkit.error.problem.unauthorized'),
  forbidden: Symbol.for('b2bkit.error.problem.forbidden'),
  notFound: Symbol.for('b2bkit.error.problem.not-found'),
  conflict: Symbol.for('b2bkit.error.problem.conflict'),
  preconditionFailed: Symbol.for('b2bkit.error.problem.precondition-failed'),
  unprocessableEntity: Symbol.for('b2bkit.error.problem.unprocessable-entity'),
  tooManyRequests: Symbol.for('b2bkit.error.problem.too-many-requests'),
  server: Symbol.for('b2bkit.error.problem.server'),
} as const

/** 400: the request is malformed or fails validation; `violations` says where. Code `'BAD_REQUEST'`. */
export class BadRequestError extends ProblemError {
  override name = 'BadRequestError' as const
  constructor(init: ProblemInit) {
    super(init, 'BAD_REQUEST')
    mark(this, markers.badRequest)
  }
}

/** 401: the credentials are missing, wrong or expired. Code `'UNAUTHORIZED'`. */
export class UnauthorizedError extends ProblemError {
  override name = 'UnauthorizedError' as const
  constructor(init: ProblemInit) {
    super(init, 'UNAUTHORIZED')
    mark(this, markers.unauthorized)
  }
}

/** 403: the credentials are valid but not allowed to do this. Code `'FORBIDDEN'`. */
export class ForbiddenError extends ProblemError {
  override name = 'ForbiddenError' as const
  constructor(init: ProblemInit) {
    super(init, 'FORBIDDEN')
    mark(this, markers.forbidden)
  }
}

/** 404: no such resource (or not one of yours). Code `'NOT_FOUND'`. */
export class NotFoundError extends ProblemError {
  override name = 'NotFoundError' as const
  constructor(init: ProblemInit) {
    super(init, 'NOT_FOUND')
    mark(this, markers.notFound)
  }
}

/** 409: the resource's current state rejects the operation. Code `'CONFLICT'`. */
export class ConflictError extends ProblemError {
  override name = 'ConflictError' as const
  constructor(init: ProblemInit) {
    super(init, 'CONFLICT')
    mark(this, markers.conflict)
  }
}

/**
 * 412: a precondition (`If-Match`) did not hold; someone changed the resource since you read it. Code
 * `'PRECONDITION_FAILED'`. `@b2bkit/etag` throws a subclass of this one, so one `catch` covers both.
 */
export class PreconditionFailedError extends ProblemError {
  override name = 'PreconditionFailedError' as const
  constructor(init: ProblemInit) {
    super(init, 'PRECONDITION_FAILED')
    mark(this, markers.preconditionFailed)
  }
}

/** 422: well-formed, but the provider will not process it (a duplicate, a value not allowed). Code `'UNPROCESSABLE_ENTITY'`. */
export class UnprocessableEntityError extends ProblemError {
  override name = 'UnprocessableEntityError' as const
  constructor(init: ProblemInit) {
    super(init, 'UNPROCESSABLE_ENTITY')
    mark(this, markers.unprocessableEntity)
  }
}

/** 429: over the rate limit; `retryAfterMs` says how long the provider asked to wait. Code `'TOO_MANY_REQUESTS'`. */
export class TooManyRequestsError extends ProblemError {
  override name = 'TooManyRequestsError' as const
  constructor(init: ProblemInit) {
    super(init, 'TOO_MANY_REQUESTS')
    mark(this, markers.tooManyRequests)
  }
}

/** 5xx: the provider failed; usually worth retrying later (`retryable`). Code `'SERVER_ERROR'`. */
export class ServerError extends ProblemError {
  override name = 'ServerError' as const
  constructor(init: ProblemInit) {
    super(init, 'SERVER_ERROR')
    mark(this, markers.server)
  }
}

type Guard<T> = (value: unknown) => value is T
const guardFor =
  <T>(marker: symbol): Guard<T> =>
  (value): value is T =>
    hasMarker(value, marker)

/** Whether `value` is a `BadRequestError` (400), from any installed copy. */
export const isBadRequestError: Guard<BadRequestError> = guardFor(markers.badRequest)
/** Whether `value` is an `UnauthorizedError` (401), from any installed copy. */
export const isUnauthorizedError: Guard<UnauthorizedError> = guardFor(markers.unauthorized)
/** Whether `value` is a `ForbiddenError` (403), from any installed copy. */
export const isForbiddenError: Guard<ForbiddenError> = guardFor(markers.forbidden)
/**
 * Whether `value` is a `NotFoundError` (404), from any installed copy.
 *
 * @example
 * ```ts
 * const order = await http.get(`retailer/orders/${id}`).json().catch((error) => (isNotFoundError(error) ? undefined : Promise.reject(error)))
 * ```
 */
export const isNotFoundError: Guard<NotFoundError> = guardFor(markers.notFound)
/** Whether `value` is a `ConflictError` (409), from any installed copy. */
export const isConflictError: Guard<ConflictError> = guardFor(markers.conflict)
/** Whether `value` is a `PreconditionFailedError` (412, including `@b2bkit/etag`'s), from any installed copy. */
export const isPreconditionFailedError: Guard<PreconditionFailedError> = guardFor(markers.preconditionFailed)
/** Whether `value` is an `UnprocessableEntityError` (422), from any installed copy. */
export const isUnprocessableEntityError: Guard<UnprocessableEntityError> = guardFor(markers.unprocessableEntity)
/** Whether `value` is a `TooManyRequestsError` (429), from any installed copy. */
export const isTooManyRequestsError: Guard<TooManyRequestsError> = guardFor(markers.tooManyRequests)
/** Whether `value` is a `ServerError` (5xx), from any installed copy. */
export const isServerError: Guard<ServerError> = guardFor(markers.server)

/**
 * The right `ProblemError` class for the status: `NotFoundError` for 404, `ServerError` for any 5xx, and plain
 * `ProblemError` for a status without a class of its own (405, 410, …).
 *
 * @example
 * ```ts
 * createProblemError({ status: 404, detail: 'Order 123 not found' }) // NotFoundError
 * ```
 */
export function createProblemError(init: ProblemInit): ProblemError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init)
    case 401:
      return new UnauthorizedError(init)
    case 403:
      return new ForbiddenError(init)
    case 404:
      return new NotFoundError(init)
    case 409:
      return new ConflictError(init)
    case 412:
      return new PreconditionFailedError(init)
    case 422:
      return new UnprocessableEntityError(init)
    case 429:
      return new TooManyRequestsError(init)
    default:
      return init.status >= 500 && init.status <= 599 ? new ServerError(init) : new ProblemError(init)
  }
}
