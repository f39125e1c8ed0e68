import { type Exchange, headerValue } from '../core/exchange.js'
import type { ResponseDraft } from '../core/response.js'
import { bolProblem } from './bol-problem.js'

const mediaType = (value: string): string => value.split(';')[0]?.trim().toLowerCase() ?? ''

/** The media types a path may answer with (the first is the default). */
function producibleTypes(method: string, path: string): string[] {
  if (/^\/shared(-demo)?\//.test(path))
    return ['application/vnd.retailer.v10+json', 'application/vnd.advertiser.v10+json']
  if (method === 'GET' && /^\/retailer(-demo)?\/offers\/export\/[^/]+$/.test(path))
    return ['application/vnd.retailer.v10+csv']
  if (method === 'GET' && /^\/retailer(-demo)?\/invoices\/[^/]+$/.test(path)) {
    return ['application/vnd.retailer.v10+json', 'application/vnd.retailer.v10+pdf']
  }
  return ['application/vnd.retailer.v10+json']
}

/** The media types a request body may have. */
function consumableTypes(path: string): string[] {
  if (/^\/shared(-demo)?\//.test(path))
    return ['application/vnd.retailer.v10+json', 'application/vnd.advertiser.v10+json']
  // bol's own document lists plain JSON for creating a return.
  if (/^\/retailer(-demo)?\/returns$/.test(path)) return ['application/json', 'application/vnd.retailer.v10+json']
  return ['application/vnd.retailer.v10+json']
}

/** The media type to answer with, following `Accept` (a missing `Accept` or `*\/*` gets the default). */
export function negotiatedType(exchange: Exchange): string | undefined {
  const producible = producibleTypes(exchange.method, exchange.path)
  const accepted = (headerValue(exchange, 'accept') ?? '*/*').split(',').map(mediaType)
  if (accepted.some((type) => type === '*/*' || type === 'application/*')) return producible[0]
  return producible.find((type) => accepted.includes(type))
}

/**
 * bol's media-type rules: 406 when `Accept` names none of the endpoint's vendor types,
 * 415 when a body comes with another `Content-Type`.
 */
export function checkMediaTypes(exchange: Exchange): ResponseDraft | undefined {
  if (!/^\/(retailer|shared)(-demo)?\//.test(exchange.path)) return undefined
  if (negotiatedType(exchange) === undefined) {
    const expected = producibleTypes(exchange.method, exchange.path).join(', ')
    return bolProblem(exchange, 406, `The Accept header must be one of: ${expected}.`)
  }
  if (exchange.rawBody.trim() === '') return undefined
  const contentType = mediaType(headerValue(exchange, 'content-type') ?? '')
  if (!consumableTypes(exchange.path).includes(contentType)) {
    return bolProblem(exchange, 415, `Content type '${contentType || 'none'}' is not supported.`)
  }
  return undefined
}
