import { paginate } from '@b2bkit/http'
import { asProcess } from '../resources/process-status.js'
import type { BolCallOptions, BolIterateOptions } from '../types/common.js'
import type { BolProcess, BolProcessStatus, BolWaitOptions } from '../types/process-status.js'
import type { QueryValues, RequestSpec, Transport } from './transport.js'

/** What every resource needs: the transport, the paths of the environment, and process handling. */
export interface ResourceContext {
  readonly transport: Transport
  /** `retailer/<path>`, or `retailer-demo/<path>` in the demo environment. */
  retailer(path: string): string
  /** A write that bol answers with a process status: the status, with `wait()`. */
  process(spec: RequestSpec, options?: BolCallOptions): Promise<BolProcess>
  /**
   * `list()` and `iterate()` of a paged GET: `queryOf` turns the filters into query parameters. A page always has
   * its `key` array (bol has answered `{}` for an empty page); `iterate()` fetches `?page=1, 2, …` until one is
   * empty.
   */
  listing<Key extends string, Item, Params extends { page?: number | undefined }>(
    path: string,
    key: Key,
    queryOf: (params: Omit<Params, 'page'>) => QueryValues,
  ): Listing<Key, Item, Params>
}

/** The `list()` and `iterate()` methods of a paged resource. */
export interface Listing<Key extends string, Item, Params extends { page?: number | undefined }> {
  list(params?: Params, options?: BolCallOptions): Promise<{ [Name in Key]: Item[] }>
  iterate(params?: Omit<Params, 'page'>, options?: BolIterateOptions): AsyncGenerator<Item, void, undefined>
}

/** Encodes one path segment (an id from outside). */
export const segment = (value: string | number): string => encodeURIComponent(String(value))

/** The resource context over a transport. */
export function createResourceContext(
  transport: Transport,
  retailerPrefix: string,
  wait: (processStatusId: string, options?: BolWaitOptions) => Promise<BolProcessStatus>,
): ResourceContext {
  const page = async <Key extends string, Item>(spec: RequestSpec, key: Key, options?: BolCallOptions) => {
    const body = await transport.json<Record<string, unknown>>(spec, options)
    if (!Array.isArray(body[key])) body[key] = []
    return body as { [Name in Key]: Item[] }
  }
  async function* iterate<Key extends string, Item>(
    spec: (page: number) => RequestSpec,
    key: Key,
    options: BolIterateOptions = {},
  ) {
    const { signal, maxPages, priority } = options
    yield* paginate<Item>({
      signal,
      maxPages,
      fetchPage: async (number, pageSignal) => {
        const callOptions: BolCallOptions = { priority, ...(pageSignal === null ? {} : { signal: pageSignal }) }
        return (await page<Key, Item>(spec(number), key, callOptions))[key]
      },
    })
  }
  return {
    transport,
    retailer: (path) => `${retailerPrefix}/${path}`,
    process: async (spec, options) => asProcess(await transport.json<BolProcessStatus>(spec, options), wait),
    listing: <Key extends string, Item, Params extends { page?: number | undefined }>(
      path: string,
      key: Key,
      queryOf: (params: Omit<Params, 'page'>) => QueryValues,
    ): Listing<Key, Item, Params> => ({
      list: (params, options) => {
        const { page: number, ...filters } = params ?? ({} as Params)
        return page<Key, Item>({ path, query: { ...queryOf(filters), page: number } }, key, options)
      },
      iterate: (params, options) =>
        iterate<Key, Item>(
          (number) => ({ path, query: { ...queryOf(params ?? ({} as Params)), page: number } }),
          key,
          options,
        ),
    }),
  }
}
