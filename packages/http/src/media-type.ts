/** The structured syntax suffix of a vendor media type. */
export type MediaTypeFormat = 'json' | 'xml' | 'csv' | 'pdf'

/**
 * A vendor media type such as `application/vnd.retailer.v10+json`.
 *
 * @param vendor - the vendor tree name (`'retailer'`)
 * @param version - the API version (`10` or `'v10'`)
 * @param format - the structured syntax suffix
 * @default format 'json'
 * @example
 * ```ts
 * vendorMediaType('retailer', 10) // 'application/vnd.retailer.v10+json'
 * vendorMediaType('retailer', 10, 'csv') // 'application/vnd.retailer.v10+csv'
 * ```
 */
export function vendorMediaType(vendor: string, version: number | string, format: MediaTypeFormat = 'json'): string {
  const versionText = typeof version === 'number' ? `v${version}` : version
  return `application/vnd.${vendor}.${versionText}+${format}`
}

/**
 * `Accept` and `Content-Type` headers for a vendor media type, to pass as ky's `headers` option.
 *
 * @example
 * ```ts
 * createClient({ baseUrl, headers: vendorHeaders('retailer', 10) })
 * ```
 */
export function vendorHeaders(
  vendor: string,
  version: number | string,
  format: MediaTypeFormat = 'json',
): { Accept: string; 'Content-Type': string } {
  const mediaType = vendorMediaType(vendor, version, format)
  return { Accept: mediaType, 'Content-Type': mediaType }
}
