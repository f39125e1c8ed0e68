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
  /** One page of a list: the body, with `key` always an array (bol has answered `{}` for an empty page). */
  page<Key extends string, Item>(
    spec: RequestSpec,
    key: Key,
    options?: BolCallOptions,
  ): Promise<{ [Name in Key]: Item[] }>
  /** Every item of every page, fetching `?page=1, 2, …` until an empty page. */
  iterate<Key extends string, Item>(
    spec: (page: number) => RequestSpec,
    key: Key,
    options?: BolIterateOptions,
  ): AsyncGenerator<Item, void, undefined>
}

/** Encodes one path segment (an id from outside). */
export const segment = (value: string | number): string => encodeURIComponent(String(value))

/** Query parameters with the page number set. */
export const withPage = (query: QueryValues, page: number): QueryValues => ({ ...query, page })

/** The resource context over a transport. */
export function createResourceContext(
  transport: Transport,
  retailerPrefix: string,
  wait: (processStatusId: string, options?: BolWaitOptions) => Promise<BolProcessStatus>,
): ResourceContext {
  const page: ResourceContext['page'] = async <Key extends string, Item>(
    spec: RequestSpec,
    key: Key,
    options?: BolCallOptions,
  ) => {
    const body = await transport.json<Record<string, unknown>>(spec, options)
    if (!Array.isArray(body[key])) body[key] = []
    return body as { [Name in Key]: Item[] }
  }
  return {
    transport,
    retailer: (path) => `${retailerPrefix}/${path}`,
    process: async (spec, options) => asProcess(await transport.json<BolProcessStatus>(spec, options), wait),
    page,
    async *iterate<Key extends string, Item>(
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
    },
  }
}
