/**
 * The B2Brouter resources as the API returns them. Only the fields b2bkit relies on are typed strictly; everything
 * else B2Brouter sends (it adds fields per API version) stays on the object under its own name.
 */

/** Paging information of a list (B2Brouter's `meta`; older answers and the emulator put it at the top level). */
export interface ListMeta {
  /** How many items match, over all pages. */
  total?: number | undefined
  /** The offset of this page. */
  offset?: number | undefined
  /** The page size asked for. */
  limit?: number | undefined
}

/** Offset and limit of a list call. */
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

/** One page of a list: the items under their own key, and the paging information. */
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

/** The fields of a company: an account, or a contact of one. */
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

/** A B2Brouter account: a company that sends and receives invoices. */
export interface Account extends PartyFields {
  /** The account id, used in `/accounts/{id}/…` paths. */
  id: number
  /** When it was created (ISO 8601). */
  created_at?: string | undefined
}

/** What creating an account needs. `tin_value` cannot be changed afterwards. */
export interface AccountInput extends PartyFields {
  name: string
  country: string
  tin_value: string
}

/** A contact of an account: a customer or a supplier. */
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

/** What creating a contact needs. */
export interface ContactInput extends PartyFields {
  name: string
}

/** Filters of a contact list. */
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

/** Filters of an account list. */
export interface AccountListParams extends PageParams {
  /** A Ransack query, such as `country=es AND tin_scheme=9920`. */
  query?: string | undefined
}
