import { apiKeyAuth } from '@b2bkit/auth'
import { ConfigurationError, type CreateClientOptions, type DeprecationHandler } from '@b2bkit/http'
import {
  commonClientOptions,
  composeProviderClient,
  rateLimitOptions,
  requireHeaderValue,
  requireOneOf,
  requireText,
} from '@b2bkit/provider-kit'
import type { RateLimiter, RateLimiterOptions, RateLimitStore } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import { type AccountsResource, accountsResource } from './accounts.js'
import type { B2BRouterClientStats } from './client-stats.js'
import { type ContactsResource, contactsResource } from './contacts.js'
import { backoffOn429 } from './internal/backoff-on-429.js'
import { b2brouterProblemParser } from './internal/problem-parser.js'
import { type InvoiceActions, invoiceActions } from './invoice-actions.js'
import { type InvoiceCrud, invoiceCrud } from './invoices.js'

/**
 * The B2Brouter environments: each has its own API keys, base URL and request limit.
 *
 * @example
 * ```ts
 * createB2BRouterClient({ apiKey, environment: 'production' satisfies B2BRouterEnvironment })
 * ```
 */
export type B2BRouterEnvironment = 'production' | 'staging'

/**
 * The API base URL of each environment (the current API, 2025-10-13 and later, lives on `api…`).
 *
 * @example
 * ```ts
 * b2brouterBaseUrls.staging // 'https://api-staging.b2brouter.net'
 * ```
 */
export const b2brouterBaseUrls: Readonly<Record<B2BRouterEnvironment, string>> = {
  production: 'https://api.b2brouter.net',
  staging: 'https://api-staging.b2brouter.net',
}

/**
 * B2Brouter's request limit per API key, by environment: the limiter's default rule.
 *
 * @example
 * ```ts
 * b2brouterRateLimits.production // { limit: 1000, intervalMs: 60000 }
 * ```
 */
export const b2brouterRateLimits: Readonly<Record<B2BRouterEnvironment, { limit: number; intervalMs: number }>> = {
  production: { limit: 1_000, intervalMs: 60_000 },
  staging: { limit: 600, intervalMs: 60_000 },
}

/**
 * The `X-B2B-API-Version` this release is written against.
 *
 * @example
 * ```ts
 * createB2BRouterClient({ apiKey, environment: 'staging', apiVersion: defaultApiVersion })
 * ```
 */
export const defaultApiVersion = '2026-03-02'

/**
 * Options of `createB2BRouterClient()`.
 *
 * @example
 * ```ts
 * const options: B2BRouterClientOptions = { apiKey: process.env.B2BROUTER_API_KEY, environment: 'staging', userAgent: 'erp-sync/1.4' }
 * ```
 */
export interface B2BRouterClientOptions {
  /** The API key of the environment (`X-B2B-API-Key`); a staging key does not work in production. Never logged. */
  apiKey: string
  /** Which environment the key belongs to: picks the base URL and the default rate limit. */
  environment: B2BRouterEnvironment
  /**
   * The `X-B2B-API-Version` header: the API version responses follow. Pin it, so a new version's changes reach you
   * only when you move.
   * @default '2026-03-02'
   */
  apiVersion?: string | undefined
  /**
   * Another base URL: a proxy, or `@b2bkit/emulator`'s `url`.
   * @default 'https://api.b2brouter.net' in production, 'https://api-staging.b2brouter.net' in staging
   */
  baseUrl?: string | URL | undefined
  /** The fetch to send with. @default globalThis.fetch */
  fetch?: typeof globalThis.fetch | undefined
  /**
   * The rate limiter: `false` switches it off; an object overrides the default, field by field.
   * @default { defaultRule: 1,000 per minute in production, 600 in staging; adaptive: true }
   */
  rateLimit?: Omit<RateLimiterOptions, 'store'> | false | undefined
  /** Where the limiter keeps its budgets: a shared store (`@b2bkit/redis`) makes many processes share one quota. @default in memory */
  rateLimitStore?: RateLimitStore | undefined
  /** Called once per endpoint that answers as deprecated. @default none */
  onDeprecation?: DeprecationHandler | undefined
  /** Your app's name and version, appended to the `User-Agent`. @default none */
  userAgent?: string | undefined
  /** The timeout of one attempt, in milliseconds. @default 10_000 (ky's) */
  timeout?: number | undefined
  /** Retries of a failed request: a number, or ky's retry options; POSTs retry only where marked safe. @default 2 */
  retry?: CreateClientOptions['retry'] | undefined
  /** Allow the key over plain http to a host that is not loopback. @default false */
  allowInsecureHttp?: boolean | undefined
  /** The most bytes of a response body read (`false` for no bound). @default 16_777_216 (16 MiB) */
  maxResponseBytes?: number | false | undefined
}

/**
 * All of `client.invoices`: the CRUD calls and the actions.
 *
 * @example
 * ```ts
 * const invoices: InvoicesResource = client.invoices
 * await invoices.markAs(7, 'paid', { paid_date: '2026-11-25' })
 * ```
 */
export type InvoicesResource = InvoiceCrud & InvoiceActions

/**
 * A B2Brouter client: one namespace per resource, and the machinery underneath.
 *
 * @example
 * ```ts
 * const client: B2BRouterClient = createB2BRouterClient({ apiKey, environment: 'staging' })
 * console.log(client.stats().requests)
 * ```
 */
export interface B2BRouterClient {
  /** Accounts: `list`, `get`, `create`, `update`. */
  readonly accounts: AccountsResource
  /** Contacts: `list`, `iterate`, `get`, `create`, `update`, `delete`. */
  readonly contacts: ContactsResource
  /** Invoices: CRUD, `import`, `send`, `markAs`, `validate`, `acknowledge`, `download`. */
  readonly invoices: InvoicesResource
  /** The composed ky instance, for endpoints this package does not wrap. */
  readonly http: KyInstance
  /** The rate limiter (`undefined` when `rateLimit: false`): `limiter.on('throttle', …)`, `limiter.stats()`. */
  readonly limiter: RateLimiter | undefined
  /** What the client has done so far: requests, 429s, retries, requests waiting in the limiter. */
  stats(): B2BRouterClientStats
}

/**
 * A typed client for the B2Brouter e-invoicing API: `X-B2B-API-Key` and `X-B2B-API-Version` on every request, the
 * environment's rate limit, exponential backoff on a 429 that says nothing about when to come back, and B2Brouter's
 * `{"error": {...}}` bodies as `ProblemError`s with the code kept (`providerCode`). Options are checked here: a
 * mistake throws `ConfigurationError` naming the option, never its value.
 *
 * @example
 * ```ts
 * const b2brouter = createB2BRouterClient({ apiKey: process.env.B2BROUTER_API_KEY, environment: 'staging' })
 * const invoice = await b2brouter.invoices.create(accountId, { number: 'INV-1', ... }, { ifExists: 'return' })
 * await b2brouter.invoices.send(invoice.id)
 * const pdf = await b2brouter.invoices.download(invoice.id, 'pdf.invoice')
 * ```
 */
export function createB2BRouterClient(options: B2BRouterClientOptions): B2BRouterClient {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'createB2BRouterClient() needs { apiKey, environment }')
  }
  const apiKey = requireHeaderValue('apiKey', options.apiKey)
  const environment = requireOneOf('environment', options.environment, ['production', 'staging'] as const)
  const apiVersion = requireText('apiVersion', options.apiVersion ?? defaultApiVersion)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) {
    throw new ConfigurationError('apiVersion', 'must be a date such as 2026-03-02')
  }
  const rateLimit = rateLimitOptions(options.rateLimit, {
    defaultRule: { ...b2brouterRateLimits[environment], name: `b2brouter-${environment}` },
    adaptive: true,
  })
  const { http, limiter, stats } = composeProviderClient({
    client: {
      baseUrl: options.baseUrl ?? b2brouterBaseUrls[environment],
      headers: { accept: 'application/json', 'x-b2b-api-version': apiVersion },
      ...commonClientOptions(options),
    },
    auth: apiKeyAuth({ header: 'X-B2B-API-Key', value: apiKey }),
    beforeRateLimit: [backoffOn429({ initialDelayMs: 1_000, maxDelayMs: 60_000 })],
    rateLimit,
    rateLimitStore: options.rateLimitStore,
    problemParsers: [b2brouterProblemParser],
  })
  return {
    accounts: accountsResource(http),
    contacts: contactsResource(http),
    invoices: { ...invoiceCrud(http), ...invoiceActions(http) },
    http,
    limiter,
    stats,
  }
}
