import {
  bearerAuth,
  clientCredentials,
  type TokenRequestListener,
  type TokenSource,
  type TokenStore,
} from '@b2bkit/auth'
import { etag, memoryEtagStore } from '@b2bkit/etag'
import { ConfigurationError } from '@b2bkit/http'
import {
  asDirectory,
  type CommonClientOptions,
  commonClientOptions,
  composeProviderClient,
  rateLimitOptions,
  requireOneOf,
  requireText,
} from '@b2bkit/provider-kit'
import type { RateLimiter, RateLimiterOptions, RateLimitStore } from '@b2bkit/rate-limit'
import type { KyInstance } from 'ky'
import type { SieSmartClientStats } from './client-stats.js'
import { type ConfigResource, configResource } from './config.js'
import { type ProposalsResource, proposalsResource } from './proposals.js'

/**
 * SieSmart's environments: each has its own credentials and token endpoint.
 *
 * @example
 * ```ts
 * createSieSmartClient({ clientId, clientSecret, baseUrl, environment: 'production' satisfies SieSmartEnvironment })
 * ```
 */
export type SieSmartEnvironment = 'test' | 'production'

/**
 * SieSmart's Auth0 token endpoints (https://developer.siemens.com/siesmart/reference/api-authentication.html).
 *
 * @example
 * ```ts
 * siesmartTokenUrls.test // 'https://sfs-q-001.siemens-sfs.auth0app.com/oauth/token'
 * ```
 */
export const siesmartTokenUrls: Readonly<Record<SieSmartEnvironment, string>> = {
  test: 'https://sfs-q-001.siemens-sfs.auth0app.com/oauth/token',
  production: 'https://sfs-p-001.siemens-sfs.auth0app.com/oauth/token',
}

/**
 * The API audience a token must be issued for, the same in both environments.
 *
 * @example
 * ```ts
 * createSieSmartClient({ clientId, clientSecret, environment: 'test', baseUrl, audience: siesmartAudience })
 * ```
 */
export const siesmartAudience = 'https://api.siesmart.com/b2b'

/**
 * SieSmart's limit: 100 requests per minute.
 *
 * @example
 * ```ts
 * createSieSmartClient({ ...options, rateLimit: { defaultRule: { ...siesmartRateLimit, name: 'fleet' } } })
 * ```
 */
export const siesmartRateLimit = { limit: 100, intervalMs: 60_000 } as const

/**
 * Options of `createSieSmartClient()`.
 *
 * @example
 * ```ts
 * const options: SieSmartClientOptions = { clientId, clientSecret, environment: 'test', baseUrl: process.env.SIESMART_API_URL }
 * ```
 */
export interface SieSmartClientOptions extends CommonClientOptions {
  /** The client id of your API credentials. */
  clientId: string
  /** The client secret. Never in an error, an event or a log line. */
  clientSecret: string
  /** Which environment the credentials belong to: picks the token endpoint. */
  environment: SieSmartEnvironment
  /**
   * The API's base URL, up to and without `v1`, such as `https://<host>/siesmart/b2b` (or `@b2bkit/emulator`'s `url`).
   * Required: SieSmart's public pages do not name the API host, it comes with your credentials.
   */
  baseUrl?: string | URL | undefined
  /**
   * Another token endpoint (the emulator's `tokenUrl`).
   * @default SieSmart's Auth0 endpoint of the environment
   */
  tokenUrl?: string | URL | undefined
  /**
   * The audience the token is asked for.
   * @default 'https://api.siesmart.com/b2b'
   */
  audience?: string | undefined
  /** Where the token is kept: share a store (`@b2bkit/redis`) to share one token between processes. @default in memory */
  tokenStore?: TokenStore | undefined
  /** Called after every token request, with no secret in the event. @default none */
  onTokenRequest?: TokenRequestListener | undefined
  /**
   * The rate limiter: `false` switches it off; an object overrides the default, field by field. It adapts to the
   * `X-RateLimit-*` headers.
   * @default { defaultRule: 100 per 60,000 ms, adaptive: true }
   */
  rateLimit?: Omit<RateLimiterOptions, 'store' | 'clock'> | false | undefined
  /** Where the limiter keeps its budgets. @default in memory */
  rateLimitStore?: RateLimitStore | undefined
  /**
   * The clock of the token cache, the limiter and the ETag store. Inject one to test a day-long token without waiting.
   * @default { now: Date.now }
   */
  clock?: { now(): number } | undefined
}

/**
 * A SieSmart client: proposals, configuration, and the machinery underneath.
 *
 * @example
 * ```ts
 * const client: SieSmartClient = createSieSmartClient(options)
 * console.log(client.stats().tokenRequests)
 * ```
 */
export interface SieSmartClient {
  /** Proposals: `create`, `get`, `update` (read-change-write on ETags), `delete`, `precheck`, `submit`. */
  readonly proposals: ProposalsResource
  /** Configuration: offices, sales contacts per office, assets, pricelists. */
  readonly config: ConfigResource
  /** The composed ky instance, for endpoints this package does not wrap. */
  readonly http: KyInstance
  /** The token source: one token for all calls, refreshed once before it expires. */
  readonly tokens: TokenSource
  /** The rate limiter (`undefined` when `rateLimit: false`). */
  readonly limiter: RateLimiter | undefined
  /** What the client has done so far: requests, 429s, retries, token requests, requests waiting in the limiter. */
  stats(): SieSmartClientStats
}

/**
 * A typed client for the SieSmart introducer API: Auth0 client credentials (a JSON body with the audience) with the
 * 24-hour token cached and refreshed once for all callers, 100 requests per minute, `If-Match` on every modifying
 * call and a read-change-write `update()`, and `X-B2B-TRACE-ID` on every result and error. Options are checked
 * here: a mistake throws `ConfigurationError` naming the option, never its value.
 *
 * @example
 * ```ts
 * const siesmart = createSieSmartClient({ clientId, clientSecret, environment: 'test', baseUrl })
 * const proposal = await siesmart.proposals.create(input, { ifExists: 'return' })
 * await siesmart.proposals.update(proposal.proposalId, (current) => ({ ...current, label: 'Q4 servers' }))
 * if ((await siesmart.proposals.precheck(proposal.proposalId)).requestAllowed) await siesmart.proposals.submit(…)
 * ```
 */
export function createSieSmartClient(options: SieSmartClientOptions): SieSmartClient {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError(
      'options',
      'createSieSmartClient() needs { clientId, clientSecret, environment, baseUrl }',
    )
  }
  const clientId = requireText('clientId', options.clientId)
  const clientSecret = requireText('clientSecret', options.clientSecret)
  const environment = requireOneOf('environment', options.environment, ['test', 'production'] as const)
  if (options.baseUrl === undefined) {
    throw new ConfigurationError('baseUrl', "is required: SieSmart's API base URL, such as https://<host>/siesmart/b2b")
  }
  const { clock } = options
  let tokenRequests = 0
  const tokens = clientCredentials({
    tokenUrl: options.tokenUrl ?? siesmartTokenUrls[environment],
    clientId,
    clientSecret,
    authMethod: 'json',
    audience: requireText('audience', options.audience ?? siesmartAudience),
    onTokenRequest: (event) => {
      tokenRequests++
      options.onTokenRequest?.(event)
    },
    ...definedOf({
      store: options.tokenStore,
      fetch: options.fetch,
      allowInsecureHttp: options.allowInsecureHttp,
      clock: clock && (() => clock.now()),
    }),
  })
  const rateLimit = rateLimitOptions(options.rateLimit, {
    defaultRule: { ...siesmartRateLimit, name: 'siesmart' },
    adaptive: true,
  })
  const baseUrl = asDirectory(options.baseUrl)
  const versions = memoryEtagStore()
  // SieSmart versions a proposal as a whole: `/v1/proposals/7/decision` is guarded by the ETag of `/v1/proposals/7`.
  const resourceOf = (url: URL) => url.href.replace(/(\/v1\/proposals\/[^/?#]+).*$/, '$1')
  const { http, limiter, stats } = composeProviderClient({
    client: { baseUrl, headers: { accept: 'application/json' }, ...commonClientOptions(options) },
    auth: bearerAuth(tokens),
    rateLimit: rateLimit === false ? false : { ...rateLimit, ...definedOf({ clock }) },
    rateLimitStore: options.rateLimitStore,
    problemParsers: [],
    afterProblem: [etag({ store: versions, requireIfMatch: true, resourceOf, ...definedOf({ clock }) })],
    tokenRequests: () => tokenRequests,
  })
  const proposalKey = (id: string) =>
    resourceOf(new URL(`v1/proposals/${encodeURIComponent(id)}`, new URL(String(baseUrl))))
  return {
    proposals: proposalsResource(http, { known: async (id) => versions.get(proposalKey(id)) !== undefined }),
    config: configResource(http),
    http,
    tokens,
    limiter,
    stats,
  }
}

/** The given fields without the undefined ones (the option types are exact). */
function definedOf<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>
}
