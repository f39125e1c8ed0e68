import { type Exchange, isRecord, jsonBody, markApplied } from '../core/exchange.js'
import { isResponse, type ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { isoDateTime } from '../internal/fixtures.js'
import { b2brouterError, b2brouterJson, listPage, offsetAndLimit } from './b2brouter-responses.js'
import type { B2BrouterAccount, B2BrouterContact, B2BrouterState } from './b2brouter-state.js'

/** The account in the path, or a 404. */
export function accountOf(exchange: Exchange, state: B2BrouterState): B2BrouterAccount | ResponseDraft {
  const account = state.accounts.get(Number(exchange.params.accountId))
  return account ?? b2brouterError(404, `Account ${exchange.params.accountId} not found.`)
}

const text = (fields: Record<string, unknown>, name: string) =>
  typeof fields[name] === 'string' ? (fields[name] as string) : ''

/** The fields accounts and contacts share, read from a request body. */
function partyFields(fields: Record<string, unknown>, runtime: Runtime) {
  return {
    name: text(fields, 'name'),
    tin_value: text(fields, 'tin_value'),
    country: text(fields, 'country').toLowerCase(),
    email: text(fields, 'email'),
    address: text(fields, 'address'),
    city: text(fields, 'city'),
    postalcode: text(fields, 'postalcode'),
    created_at: isoDateTime(runtime.clock.now()),
  }
}

/** Reads `{ <wrapper>: {...} }` and checks required string fields; an error response when some are missing. */
export function wrappedFields(
  exchange: Exchange,
  wrapper: string,
  required: readonly string[],
): Record<string, unknown> | ResponseDraft {
  const body = jsonBody(exchange)
  const fields = isRecord(body) && isRecord(body[wrapper]) ? body[wrapper] : undefined
  if (!fields) return b2brouterError(400, `The body must be a JSON object with a "${wrapper}" object.`)
  const missing = required.filter((name) => typeof fields[name] !== 'string' || fields[name] === '')
  if (missing.length > 0) {
    return b2brouterError(
      422,
      `Missing fields: ${missing.join(', ')}.`,
      { details: missing.map((field) => ({ field, message: "can't be blank" })) },
      'validation_failed',
    )
  }
  return fields
}

/** Accounts and contacts. */
export function registerB2BrouterAccountRoutes(router: Router, state: B2BrouterState, runtime: Runtime): void {
  router.on('GET', '/accounts', (exchange) => {
    const page = offsetAndLimit(exchange)
    return isResponse(page) ? page : listPage('accounts', [...state.accounts.values()], page)
  })

  router.on('POST', '/accounts', (exchange) => {
    const fields = wrappedFields(exchange, 'account', ['name', 'country', 'tin_value'])
    if (isResponse(fields)) return fields
    const account: B2BrouterAccount = {
      id: ++state.sequences.account,
      ...partyFields(fields, runtime),
      tin_scheme: text(fields, 'tin_scheme'),
    }
    state.accounts.set(account.id, account)
    markApplied(exchange, { resourceId: String(account.id) })
    return b2brouterJson({ account }, 201)
  })

  router.on('GET', '/accounts/:accountId', (exchange) => {
    const account = accountOf(exchange, state)
    return isResponse(account) ? account : b2brouterJson({ account })
  })

  router.on('GET', '/accounts/:accountId/contacts', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    const page = offsetAndLimit(exchange)
    if (isResponse(page)) return page
    return listPage(
      'contacts',
      [...state.contacts.values()].filter((contact) => contact.account_id === account.id),
      page,
    )
  })

  router.on('POST', '/accounts/:accountId/contacts', (exchange) => {
    const account = accountOf(exchange, state)
    if (isResponse(account)) return account
    const fields = wrappedFields(exchange, 'contact', ['name'])
    if (isResponse(fields)) return fields
    const contact: B2BrouterContact = {
      id: ++state.sequences.contact,
      account_id: account.id,
      ...partyFields({ country: account.country, ...fields }, runtime),
    }
    state.contacts.set(contact.id, contact)
    markApplied(exchange, { resourceId: String(contact.id) })
    return b2brouterJson({ contact }, 201)
  })

  router.on('GET', '/contacts/:contactId', (exchange) => {
    const contact = state.contacts.get(Number(exchange.params.contactId))
    return contact ? b2brouterJson({ contact }) : b2brouterError(404, `Contact ${exchange.params.contactId} not found.`)
  })
}
