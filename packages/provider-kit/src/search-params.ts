/**
 * Query values as a provider client's methods take them: `undefined` ones are left out, numbers and booleans are
 * written as strings, and an array repeats the parameter (`status=OPEN&status=SHIPPED`).
 *
 * @example
 * ```ts
 * const query: QueryValues = { page: 2, status: ['OPEN', 'SHIPPED'], 'fulfilment-method': undefined }
 * ```
 */
export type QueryValues = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>

/**
 * The search parameters of `values`, in their order: `undefined` ones left out, others as strings, arrays as one
 * parameter per item. Encoding is `URLSearchParams`'s, so a value can never add a parameter of its own.
 *
 * @example
 * ```ts
 * toSearchParams({ page: 2, q: 'a&b', status: ['OPEN', 'SHIPPED'], after: undefined }).toString()
 * // 'page=2&q=a%26b&status=OPEN&status=SHIPPED'
 * ```
 */
export function toSearchParams(values: QueryValues): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(name, item)
    else params.append(name, String(value))
  }
  return params
}

/**
 * A path segment from an id, percent-encoded, so an id (`../admin`, `a/b`, `x?y`) can never reach another path or
 * add a query.
 *
 * @example
 * ```ts
 * http.get(`v1/proposals/${pathSegment(id)}`)
 * pathSegment('a/b') // 'a%2Fb'
 * ```
 */
export function pathSegment(id: string | number): string {
  return encodeURIComponent(String(id))
}
