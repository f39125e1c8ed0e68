// Kept out on purpose: everything in src/internal (the token cache, the token-response and OAuth-error parsers,
// the PKCE primitives, the test servers). Build on TokenSource and TokenStore instead; those are the stable API.
export { type ApiKeyAuthOptions, apiKeyAuth } from './api-key-auth.js'
export {
  type AuthorizationCodeFlow,
  type AuthorizationCodeOptions,
  type AuthorizationRequest,
  type AuthorizationUrlOptions,
  authorizationCode,
  type OAuthTokens,
} from './authorization-code.js'
export { type BearerAuthOptions, bearerAuth } from './bearer-auth.js'
export {
  type ClientCredentialsAuthMethod,
  type ClientCredentialsOptions,
  clientCredentials,
} from './client-credentials.js'
export { AuthError, type AuthErrorCode, type AuthErrorOptions, isAuthError } from './errors.js'
export { type MemoryTokenStoreOptions, memoryTokenStore } from './memory-token-store.js'
export type {
  ClientAuthMethod,
  RefreshTimingOptions,
  TokenEndpointOptions,
  TokenSourceOptions,
} from './token-endpoint-options.js'
export type {
  GetTokenOptions,
  TokenRequestEvent,
  TokenRequestListener,
  TokenRequestReason,
  TokenSource,
} from './token-source.js'
export type { ReleaseLock, StoredToken, TokenStore } from './token-store.js'
