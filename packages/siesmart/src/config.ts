import { requestJson } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { SieSmartCallOptions } from './call-options.js'
import type { AssetType, Office, Pricelist, SalesContact } from './types.js'

/**
 * A configuration list, with the request id attached to the array.
 *
 * @example
 * ```ts
 * const offices: ConfigList<Office> = await client.config.offices.list()
 * ```
 */
export type ConfigList<T> = T[]

/**
 * Configuration that can differ per office: assets and pricelists.
 *
 * @example
 * ```ts
 * await client.config.pricelists.list({ officeId: 1 } satisfies OfficeParams)
 * ```
 */
export interface OfficeParams {
  /** The office to ask for. @default every office of the introducer */
  officeId?: number | string | undefined
}

/**
 * `client.config`: what a proposal is built from. Config ids are the same in test and production.
 *
 * @example
 * ```ts
 * const [office] = await client.config.offices.list()
 * const contacts = await client.config.salesContacts.list(office.id)
 * ```
 */
export interface ConfigResource {
  /** The introducer's offices. */
  readonly offices: { list(options?: SieSmartCallOptions): Promise<ConfigList<Office>> }
  /** The sales people of one office. */
  readonly salesContacts: {
    list(officeId: number | string, options?: SieSmartCallOptions): Promise<ConfigList<SalesContact>>
  }
  /** The asset types (IAC codes) available, per office. */
  readonly assets: { list(params?: OfficeParams, options?: SieSmartCallOptions): Promise<ConfigList<AssetType>> }
  /** The pricelists available, per office. */
  readonly pricelists: { list(params?: OfficeParams, options?: SieSmartCallOptions): Promise<ConfigList<Pricelist>> }
}

/** Builds `client.config`. */
export function configResource(http: KyInstance): ConfigResource {
  const list = <T>(name: string, params: OfficeParams, options: SieSmartCallOptions) =>
    requestJson<ConfigList<T>>(http, `v1/config/${name}`, { ...options, searchParams: { ...params } })
  return {
    offices: { list: (options = {}) => list<Office>('offices', {}, options) },
    salesContacts: { list: (officeId, options = {}) => list<SalesContact>('sales-contacts', { officeId }, options) },
    assets: { list: (params = {}, options = {}) => list<AssetType>('assets', params, options) },
    pricelists: { list: (params = {}, options = {}) => list<Pricelist>('pricelists', params, options) },
  }
}
