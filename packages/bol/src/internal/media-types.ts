import { vendorMediaType } from '@b2bkit/http'

/** `application/vnd.retailer.v10+json`: what the Retailer and Shared API v10 answer and take. */
export const retailerJson: string = vendorMediaType('retailer', 10)
/** `application/vnd.retailer.v10+csv`: the offer export. */
export const retailerCsv: string = vendorMediaType('retailer', 10, 'csv')
/** `application/vnd.retailer.v10+pdf`: an invoice as PDF. */
export const retailerPdf: string = vendorMediaType('retailer', 10, 'pdf')
/** Plain JSON: bol's document has creating a return take `application/json`. */
export const plainJson = 'application/json'
