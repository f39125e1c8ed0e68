export { defaultParsers, parseProblem, problemSourceOf, type RawProblemBody } from './parse-problem.js'
export { b2brouterParser } from './parsers/b2brouter.js'
export { convictionalParser } from './parsers/convictional.js'
export { genericJsonParser, plainTextParser } from './parsers/fallback.js'
export { problemJsonParser } from './parsers/problem-json.js'
export { problemXmlParser } from './parsers/problem-xml.js'
export { siesmartParser } from './parsers/siesmart.js'
export { type ProblemDetailsOptions, problemDetails } from './problem-details.js'
export {
  isProblemError,
  isRetryableStatus,
  ProblemError,
  type ProblemInit,
  type Violation,
} from './problem-error.js'
export type { ParsedProblem, ProblemParser, ProblemSource } from './problem-source.js'
export { parseRetryAfter } from './retry-after.js'
export {
  BadRequestError,
  ConflictError,
  createProblemError,
  ForbiddenError,
  isBadRequestError,
  isConflictError,
  isForbiddenError,
  isNotFoundError,
  isPreconditionFailedError,
  isServerError,
  isTooManyRequestsError,
  isUnauthorizedError,
  isUnprocessableEntityError,
  NotFoundError,
  PreconditionFailedError,
  ServerError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableEntityError,
} from './status-errors.js'
export {
  type ProblemFromResponseOptions,
  problemFromResponse,
  type ToProblemErrorOptions,
  toProblemError,
} from './to-problem-error.js'
// Kept out on purpose: buildProblemError and the default body bounds (internal wiring of the plugin).
