// @b2bkit/provider-kit: what every b2bkit provider client is built from. Provider-specific parts (media types,
// paths, limiter rules, error bodies) stay in the provider packages.
export { asDirectory, type CommonClientOptions, commonClientOptions } from './common-client-options.js'
export {
  type ComposedProviderClient,
  type ComposeProviderClientOptions,
  composeProviderClient,
} from './compose-provider-client.js'
export { rateLimitOptions, requireHeaderValue, requireOneOf, requireText } from './option-checks.js'
export type { ProviderClientStats } from './provider-client-stats.js'
export { type ProviderCallOptions, type ProviderRequest, send } from './provider-request.js'
export { type ReadJsonOptions, readJson, requestEntity, requestJson } from './read-json.js'
export { pathSegment, type QueryValues, toSearchParams } from './search-params.js'
