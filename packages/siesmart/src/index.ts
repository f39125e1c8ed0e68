// @b2bkit/siesmart: a typed client for the SieSmart introducer (broker / vendor) API.
// Kept out on purpose: src/internal (test support); the plugin composition and request helpers are
// @b2bkit/provider-kit's. Use `client.http` for endpoints this package does not wrap.

export type { SieSmartCallOptions } from './call-options.js'
export {
  createSieSmartClient,
  type SieSmartClient,
  type SieSmartClientOptions,
  type SieSmartEnvironment,
  siesmartAudience,
  siesmartRateLimit,
  siesmartTokenUrls,
} from './client.js'
export type { SieSmartClientStats } from './client-stats.js'
export type { ConfigList, ConfigResource, OfficeParams } from './config.js'
export type { CreateProposalOptions, ProposalsResource, UpdateProposalOptions } from './proposals.js'
export type {
  AssetType,
  DecisionRequest,
  Office,
  PrecheckResult,
  Pricelist,
  Proposal,
  ProposalAsset,
  ProposalCustomer,
  ProposalDecision,
  ProposalInput,
  SalesContact,
} from './types.js'
