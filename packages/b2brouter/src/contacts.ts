import { pathSegment, requestEntity } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { B2BRouterCallOptions, B2BRouterIterateOptions } from './call-options.js'
import { accountListing } from './internal/offset-pages.js'
import type { Contact, ContactInput, ContactListParams, ListPage } from './types.js'

/**
 * `client.contacts`: an account's customers and suppliers.
 *
 * @example
 * ```ts
 * for await (const contact of client.contacts.iterate(accountId, { is_client: true })) console.log(contact.name)
 * const contact = await client.contacts.create(accountId, { name: 'Acme BV', country: 'nl', tin_value: 'NL000099998B57' })
 * ```
 */
export interface ContactsResource {
  /** One page of an account's contacts: `{ contacts, meta }`. */
  list(
    accountId: number,
    params?: ContactListParams,
    options?: B2BRouterCallOptions,
  ): Promise<ListPage<'contacts', Contact>>
  /** Every contact of an account, page after page (offset/limit, 100 per page unless `limit` says otherwise). */
  iterate(
    accountId: number,
    params?: ContactListParams,
    options?: B2BRouterIterateOptions,
  ): AsyncGenerator<Contact, void, undefined>
  /** One contact. */
  get(id: number, options?: B2BRouterCallOptions): Promise<Contact>
  /** Creates a contact in an account. Not retried: a lost answer may have created it. */
  create(accountId: number, input: ContactInput, options?: B2BRouterCallOptions): Promise<Contact>
  /** Changes a contact's fields (PUT). */
  update(id: number, change: Partial<ContactInput>, options?: B2BRouterCallOptions): Promise<Contact>
  /** Deletes a contact; resolves with the deleted contact. */
  delete(id: number, options?: B2BRouterCallOptions): Promise<Contact>
}

/** Builds `client.contacts` on a composed ky instance. */
export function contactsResource(http: KyInstance): ContactsResource {
  const { list, iterate } = accountListing<'contacts', Contact, ContactListParams>(http, 'contacts')
  return {
    list,
    iterate,
    get: (id, options = {}) => requestEntity(http, `contacts/${pathSegment(id)}`, 'contact', options),
    create: (accountId, input, options = {}) =>
      requestEntity(http, `accounts/${pathSegment(accountId)}/contacts`, 'contact', {
        ...options,
        method: 'POST',
        json: { contact: input },
      }),
    update: (id, change, options = {}) =>
      requestEntity(http, `contacts/${pathSegment(id)}`, 'contact', {
        ...options,
        method: 'PUT',
        json: { contact: change },
      }),
    delete: (id, options = {}) =>
      requestEntity(http, `contacts/${pathSegment(id)}`, 'contact', { ...options, method: 'DELETE' }),
  }
}
