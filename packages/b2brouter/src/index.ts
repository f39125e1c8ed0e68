// @b2bkit/b2brouter: a typed client for the B2Brouter e-invoicing API.
// Kept out on purpose: everything in src/internal (the paging helpers, the 429 backoff plugin and the error-body
// parser); the plugin composition and request helpers are @b2bkit/provider-kit's. Use `client.http` for endpoints
// this package does not wrap.
export type { AccountsResource } from './accounts.js'
export type { B2BRouterCallOptions, B2BRouterIterateOptions } from './call-options.js'
export {
  type B2BRouterClient,
  type B2BRouterClientOptions,
  type B2BRouterEnvironment,
  b2brouterBaseUrls,
  b2brouterRateLimits,
  createB2BRouterClient,
  defaultApiVersion,
  type InvoicesResource,
} from './client.js'
export type { B2BRouterClientStats } from './client-stats.js'
export type { ContactsResource } from './contacts.js'
export type { InvoiceActions } from './invoice-actions.js'
export type {
  Invoice,
  InvoiceDocumentType,
  InvoiceInput,
  InvoiceLineInput,
  InvoiceListParams,
  InvoiceState,
  InvoiceTax,
  InvoiceValidation,
  SendInvoiceResult,
} from './invoice-types.js'
export type { CreateInvoiceOptions, ImportInvoiceOptions, InvoiceCrud } from './invoices.js'
export type {
  Account,
  AccountInput,
  AccountListParams,
  Contact,
  ContactInput,
  ContactListParams,
  ListMeta,
  ListPage,
  PageParams,
  PartyFields,
} from './types.js'
export { type B2BRouterWebhookEvent, type VerifyB2BRouterWebhookOptions, verifyB2BRouterWebhook } from './webhook.js'
export { B2BRouterWebhookError, type B2BRouterWebhookErrorCode, isB2BRouterWebhookError } from './webhook-error.js'
