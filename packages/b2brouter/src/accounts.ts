import { pathSegment, requestEntity, requestJson } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { B2BRouterCallOptions } from './call-options.js'
import type { Account, AccountInput, AccountListParams, ListPage } from './types.js'

/**
 * `client.accounts`: the companies of your API key's group (`/accounts`, B2Brouter API 2025-10-13 and later).
 *
 * @example
 * ```ts
 * const { accounts } = await client.accounts.list({ limit: 10 })
 * const account = await client.accounts.get(accounts[0].id)
 * ```
 */
export interface AccountsResource {
  /** One page of accounts: `{ accounts, meta }`. */
  list(params?: AccountListParams, options?: B2BRouterCallOptions): Promise<ListPage<'accounts', Account>>
  /** One account. A `NotFoundError` when there is none with that id. */
  get(id: number, options?: B2BRouterCallOptions): Promise<Account>
  /** Creates an account (eDocSync subscriptions only). Not retried: a lost answer may have created it. */
  create(input: AccountInput, options?: B2BRouterCallOptions): Promise<Account>
  /** Changes an account's fields (PUT; `tin_value` cannot change). Retried like any PUT. */
  update(id: number, change: Partial<AccountInput>, options?: B2BRouterCallOptions): Promise<Account>
}

/** Builds `client.accounts` on a composed ky instance. */
export function accountsResource(http: KyInstance): AccountsResource {
  return {
    list: (params = {}, options = {}) => requestJson(http, 'accounts', { ...options, searchParams: { ...params } }),
    get: (id, options = {}) => requestEntity(http, `accounts/${pathSegment(id)}`, 'account', options),
    create: (input, options = {}) =>
      requestEntity(http, 'accounts', 'account', { ...options, method: 'POST', json: { account: input } }),
    update: (id, change, options = {}) =>
      requestEntity(http, `accounts/${pathSegment(id)}`, 'account', {
        ...options,
        method: 'PUT',
        json: { account: change },
      }),
  }
}
