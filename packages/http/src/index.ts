export {
  applyBodyBounds,
  type BodyBounds,
  bodyBoundsOf,
  defaultMaxResponseBytes,
  readBoundedBytes,
} from './bounded-body.js'
export { type CreateClientOptions, createClient } from './client.js'
export {
  type DeprecationHandler,
  type DeprecationNotice,
  endpointOf,
  readDeprecation,
} from './deprecation.js'
export {
  B2bkitError,
  type B2bkitErrorOptions,
  ConfigurationError,
  InsecureTransportError,
  isB2bkitError,
  NetworkError,
  ResponseTooLargeError,
  TimeoutError,
} from './errors.js'
export { type MediaTypeFormat, vendorHeaders, vendorMediaType } from './media-type.js'
export { type RequestMetricsPlugin, type RequestMetricsSnapshot, requestMetrics } from './metrics.js'
export {
  type CursorPage,
  type CursorPagination,
  type PageNumberPagination,
  type PaginateCommonOptions,
  type PaginateOptions,
  PaginationLoopError,
  paginate,
} from './paginate.js'
export { definePlugin, foldHeadersOnlyHooks, headersOnly, isHeadersOnly, type Plugin } from './plugin.js'
export {
  displayUrl,
  isSecretHeader,
  REDACTED,
  redactHeaders,
  redactHeaderValue,
  redactText,
  redactUrl,
} from './redact.js'
export { maxRedirects, sendFollowingRedirects } from './redirects.js'
export { getRequestId, requestIdHeaders, withRequestId } from './request-id.js'
export {
  failedBeforeSending,
  type IdempotencyOptions,
  idempotentRetry,
  markRetrySafe,
  retrySafeHeader,
  unmarkRetrySafe,
} from './retry-policy.js'
export { assertSecureUrl, hasCredentials, isLoopbackHost } from './secure-transport.js'
export { userAgentOf, version } from './version.js'
