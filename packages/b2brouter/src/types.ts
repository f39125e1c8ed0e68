/**
 * The B2Brouter resources as the API returns them. Only the fields b2bkit relies on are typed strictly; everything
 * else B2Brouter sends (it adds fields per API version) stays on the object under its own name.
 */

/**
 * Paging information of a list (B2Brouter's `meta`; older answers and the emulator put it at the top level).
 *
 * @example
 * ```ts
 * const { meta } = await client.contacts.list(accountId)
 * console.log(meta?.total)
 * ```
 */
export interface ListMeta {
  /** How many items match, over all pages. */
  total?: number | undefined
  /** The offset of this page. */
  offset?: number | undefined
  /** The page size asked for. */
  limit?: number | undefined
}

/**
 * Offset and limit of a list call.
 *
 * @example
 * ```ts
 * await client.contacts.list(accountId, { offset: 50, limit: 25 } satisfies PageParams)
 * ```
 */
export interface PageParams {
  /**
   * How many items to skip.
   * @default 0
   */
  offset?: number | undefined
  /**
   * How many items per page, 1 to 500.
   * @default 25 for `list()`, 100 for `iterate()`
   */
  limit?: number | undefined
}

/**
 * One page of a list: the items under their own key, and the paging information.
 *
 * @example
 * ```ts
 * const page: ListPage<'contacts', Contact> = await client.contacts.list(accountId)
 * ```
 */
export type ListPage<Key extends string, Item> = { [K in Key]: Item[] } & {
  /** Paging information (B2Brouter's documented place for it). */
  meta?: ListMeta | undefined
  /** The total number of items (where the emulator puts it). */
  total_count?: number | undefined
  /** The offset of this page. */
  offset?: number | undefined
  /** The page size. */
  limit?: number | undefined
}

/**
 * The fields of a company: an account, or a contact of one.
 *
 * @example
 * ```ts
 * const address: PartyFields = { address: 'Musterstraße 45', city: 'Berlin', postalcode: '10115', country: 'de' }
 * ```
 */
export interface PartyFields {
  /** The company's name. */
  name?: string | undefined
  /** The tax identification number (VAT number). */
  tin_value?: string | undefined
  /** The scheme of `tin_value` (an EAS code such as `9920`). */
  tin_scheme?: string | number | undefined
  /** The ISO 3166 country code, lower case. */
  country?: string | undefined
  /** Street and number. */
  address?: string | undefined
  /** The city. */
  city?: string | undefined
  /** The postal code. */
  postalcode?: string | undefined
  /** The province or state. */
  province?: string | undefined
  /** The e-mail address. */
  email?: string | undefined
  /** The phone number. */
  phone?: string | undefined
  /** Any other field the API version accepts. */
  [field: string]: unknown
}

/**
 * A B2Brouter account: a company that sends and receives invoices.
 *
 * @example
 * ```ts
 * const account: Account = await client.accounts.get(accountId)
 * ```
 */
export interface Account extends PartyFields {
  /** The account id, used in `/accounts/{id}/…` paths. */
  id: number
  /** When it was created (ISO 8601). */
  created_at?: string | undefined
}

/**
 * What creating an account needs. `tin_value` cannot be changed afterwards.
 *
 * @example
 * ```ts
 * await client.accounts.create({ name: 'Muster GmbH', country: 'de', tin_value: 'DE123456789' } satisfies AccountInput)
 * ```
 */
export interface AccountInput extends PartyFields {
  name: string
  country: string
  tin_value: string
}

/**
 * A contact of an account: a customer or a supplier.
 *
 * @example
 * ```ts
 * const contact: Contact = await client.contacts.get(12)
 * ```
 */
export interface Contact extends PartyFields {
  /** The contact id, used in `/contacts/{id}` paths. */
  id: number
  /** The account the contact belongs to. */
  account_id?: number | undefined
  /** Whether the contact is a customer. */
  is_client?: boolean | undefined
  /** Whether the contact is a supplier. */
  is_provider?: boolean | undefined
  /** How invoices reach this contact (`b2brouter`, `peppol`, `email`, …). */
  transport_type_code?: string | undefined
}

/**
 * What creating a contact needs.
 *
 * @example
 * ```ts
 * await client.contacts.create(accountId, { name: 'Acme BV', country: 'nl' } satisfies ContactInput)
 * ```
 */
export interface ContactInput extends PartyFields {
  name: string
}

/**
 * Filters of a contact list.
 *
 * @example
 * ```ts
 * await client.contacts.list(accountId, { name: 'Acme', is_client: true } satisfies ContactListParams)
 * ```
 */
export interface ContactListParams extends PageParams {
  /** Searches name, address and VAT number. */
  name?: string | undefined
  /** Only customers (or only non-customers). */
  is_client?: boolean | undefined
  /** Only suppliers (or only non-suppliers). */
  is_provider?: boolean | undefined
  /** The contact with this ERP code. */
  integration_code?: string | undefined
}

/**
 * Filters of an account list.
 *
 * @example
 * ```ts
 * await client.accounts.list({ query: 'country=es' } satisfies AccountListParams)
 * ```
 */
export interface AccountListParams extends PageParams {
  /** A Ransack query, such as `country=es AND tin_scheme=9920`. */
  query?: string | undefined
}
