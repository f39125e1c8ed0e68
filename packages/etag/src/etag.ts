import { ConfigurationError, displayUrl, type Plugin } from '@b2bkit/http'
import { isProblemError, type ProblemInit, toProblemError } from '@b2bkit/problem'
import { type AfterResponseState, type BeforeRequestState, isHTTPError } from 'ky'
import { MissingEtagError, PreconditionFailedError } from './errors.js'
import { type EtagStore, memoryEtagStore } from './etag-store.js'
import { readBytesUpTo } from './internal/read-bytes.js'
import { defaultResourceOf, representationKey } from './internal/request-url.js'

/** Options of `etag()`. */
export interface EtagOptions {
  /**
   * Where ETags and cached bodies are kept.
   * @default memoryEtagStore(), one per plugin
   */
  store?: EtagStore | undefined
  /**
   * The methods that modify a resource: they send `If-Match` with the resource's last ETag.
   * @default ['POST', 'PUT', 'PATCH', 'DELETE']
   */
  methods?: readonly string[] | undefined
  /**
   * Send `If-None-Match` on GET and HEAD, and answer a `304 Not Modified` with the cached body.
   * @default true
   */
  conditionalGet?: boolean | undefined
  /**
   * Whether a modifying request must carry `If-Match`. `true`: every modifying request except a POST to a resource
   * with no known ETag (a create) — SieSmart's rule; without an ETag the request fails with `MissingEtagError`
   * before it is sent. A function decides per request.
   * @default false
   */
  requireIfMatch?: boolean | ((request: Request) => boolean) | undefined
  /**
   * The resource a URL belongs to, whose ETag guards it. SieSmart versions a proposal as a whole, so
   * `PUT /proposals/7/customer` must send the ETag of `/proposals/7`.
   * @default the URL without its fragment
   */
  resourceOf?: ((url: URL) => string) | undefined
  /**
   * The largest GET body cached for conditional requests; larger ones keep their ETag but are not cached.
   * @default 1_048_576 (1 MiB)
   */
  maxBodyBytes?: number | undefined
  /** Where `storedAt` is read from. @default Date.now */
  clock?: { now(): number } | undefined
}

const modifyingMethods: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE']

/**
 * A plugin for ETag concurrency. It remembers the `ETag` of each resource from GET, POST, PUT and PATCH responses
 * (a POST's under its `Location`), sends it as `If-Match` on modifying calls, sends `If-None-Match` on GETs and
 * answers a `304` from the cached body, forgets a version a write or a 412 made stale, and turns a 412 into
 * `PreconditionFailedError` (with the ETag that was sent). It works with or without `problemDetails()`, in either
 * order.
 *
 * @example
 * ```ts
 * const http = createClient({
 *   baseUrl: 'https://api.siesmart.example',
 *   plugins: [problemDetails(), etag({ requireIfMatch: true, resourceOf: (url) => url.href.replace(/(\/proposals\/\d+).*$/, '$1') })],
 * })
 * ```
 */
export function etag(options: EtagOptions = {}): Plugin {
  const settings = settingsOf(options)
  const { store, resourceOf } = settings
  const versionKey = (url: string) => resourceOf(new URL(url))

  const beforeRequest = async ({ request }: BeforeRequestState): Promise<void> => {
    const method = request.method.toUpperCase()
    if (settings.methods.has(method)) {
      if (request.headers.has('if-match')) return
      const version = await store.get(versionKey(request.url))
      if (version !== undefined) request.headers.set('If-Match', version.etag)
      else if (settings.required(request, method)) {
        throw new MissingEtagError(
          method,
          displayUrl(request.url),
          'it needs If-Match and no ETag is known for its resource; read the resource first, or pass If-Match',
        )
      }
    } else if ((method === 'GET' || method === 'HEAD') && settings.conditionalGet) {
      if (request.headers.has('if-none-match')) return
      const cached = await store.get(representationKey(request.url))
      if (cached?.body !== undefined && cached.accept === (request.headers.get('accept') ?? undefined)) {
        request.headers.set('If-None-Match', cached.etag)
      }
    }
  }

  const afterResponse = async ({ request, response }: AfterResponseState): Promise<Response | undefined> => {
    const method = request.method.toUpperCase()
    const etagHeader = response.headers.get('etag') ?? undefined
    if (method === 'GET' || method === 'HEAD') {
      if (response.status === 304) return fromCache(request, response)
      if (response.ok) await remember(request, response, etagHeader)
      return undefined
    }
    if (!settings.methods.has(method)) return undefined
    if (response.status === 412) await store.delete(versionKey(request.url))
    if (!response.ok) return undefined
    await store.delete(representationKey(request.url))
    const location = method === 'POST' ? response.headers.get('location') : null
    const key = versionKey(location ? new URL(location, request.url).href : request.url)
    // A successful write made the version we knew stale: keep the new one, or forget it.
    if (etagHeader !== undefined && method !== 'DELETE')
      await store.set(key, { etag: etagHeader, storedAt: settings.now() })
    else await store.delete(key)
    return undefined
  }

  async function fromCache(request: Request, response: Response): Promise<Response | undefined> {
    const cached = await store.get(representationKey(request.url))
    if (cached?.body === undefined || cached.etag !== request.headers.get('if-none-match')) return undefined
    const headers = new Headers(response.headers)
    if (cached.contentType !== undefined) headers.set('content-type', cached.contentType)
    headers.set('etag', response.headers.get('etag') ?? cached.etag)
    const body = request.method.toUpperCase() === 'HEAD' ? null : cached.body.slice()
    return new Response(body, { status: 200, statusText: 'OK', headers })
  }

  async function remember(request: Request, response: Response, etagHeader: string | undefined): Promise<void> {
    const cacheKey = representationKey(request.url)
    if (etagHeader === undefined) {
      await store.delete(cacheKey)
      return
    }
    const storedAt = settings.now()
    await store.set(versionKey(request.url), { etag: etagHeader, storedAt })
    if (!settings.conditionalGet || request.method.toUpperCase() !== 'GET' || response.status !== 200) return
    const body = await readBytesUpTo(response, settings.maxBodyBytes)
    if (body === undefined) {
      await store.delete(cacheKey)
      return
    }
    const contentType = response.headers.get('content-type') ?? undefined
    await store.set(cacheKey, {
      etag: etagHeader,
      body,
      contentType,
      accept: request.headers.get('accept') ?? undefined,
      storedAt,
    })
  }

  return {
    name: 'etag',
    options: {
      hooks: {
        beforeRequest: [beforeRequest],
        afterResponse: [afterResponse],
        beforeError: [
          ({ error, request }) => {
            const status = isHTTPError(error) ? error.response.status : isProblemError(error) ? error.status : 0
            if (status !== 412 || error instanceof PreconditionFailedError) return error
            const problem: ProblemInit = isHTTPError(error) ? toProblemError(error) : (error as PreconditionFailedError)
            return new PreconditionFailedError(problem, { sentEtag: request.headers.get('if-match') ?? undefined })
          },
        ],
      },
    },
  }
}

function settingsOf(options: EtagOptions) {
  const {
    store = memoryEtagStore(),
    methods = modifyingMethods,
    conditionalGet = true,
    requireIfMatch = false,
    resourceOf = defaultResourceOf,
    maxBodyBytes = 1_048_576,
    clock,
  } = options
  if (typeof store?.get !== 'function' || typeof store.set !== 'function' || typeof store.delete !== 'function') {
    throw new ConfigurationError('store', 'must have get, set and delete methods')
  }
  if (!Array.isArray(methods) || methods.some((method) => typeof method !== 'string')) {
    throw new ConfigurationError('methods', 'must be an array of HTTP method names')
  }
  if (typeof requireIfMatch !== 'boolean' && typeof requireIfMatch !== 'function') {
    throw new ConfigurationError('requireIfMatch', 'must be a boolean or a function of the request')
  }
  if (typeof resourceOf !== 'function') throw new ConfigurationError('resourceOf', 'must be a function of the URL')
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 0) {
    throw new ConfigurationError('maxBodyBytes', 'must be a whole number of bytes')
  }
  return {
    store,
    methods: new Set(methods.map((method) => method.toUpperCase())),
    conditionalGet,
    resourceOf,
    maxBodyBytes,
    now: () => clock?.now() ?? Date.now(),
    // `true` exempts a create: a POST to a resource with no known ETag.
    required: (request: Request, method: string) =>
      typeof requireIfMatch === 'function' ? requireIfMatch(request) : requireIfMatch && method !== 'POST',
  }
}
