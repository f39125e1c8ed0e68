import { type Exchange, isRecord, jsonBody, markApplied } from '../core/exchange.js'
import { emptyResponse, type ResponseDraft } from '../core/response.js'
import type { Router } from '../core/router.js'
import type { Runtime } from '../core/runtime.js'
import { checkIfMatch, matchesIfNoneMatch, nextModified } from './siesmart-etag.js'
import { siesmartError, siesmartJson } from './siesmart-responses.js'
import type { SiesmartProposal, SiesmartState } from './siesmart-state.js'

const base = '/siesmart/b2b/v1/proposals'

const view = (proposal: SiesmartProposal) => ({
  ...proposal.fields,
  proposalId: proposal.proposalId,
  status: proposal.status,
  createdAt: proposal.createdAt,
  lastModified: proposal.lastModified,
})

const answer = (proposal: SiesmartProposal, status = 200) =>
  siesmartJson(view(proposal), status, { etag: proposal.lastModified })

/** Checks the fields a proposal needs: a customer with a company name and at least one asset with a cost. */
function proposalProblem(exchange: Exchange, fields: Record<string, unknown>): ResponseDraft | undefined {
  const missing: string[] = []
  if (!isRecord(fields.customer) || typeof fields.customer.companyName !== 'string')
    missing.push('customer.companyName')
  if (
    !Array.isArray(fields.assets) ||
    fields.assets.length === 0 ||
    !fields.assets.every((asset) => isRecord(asset) && typeof asset.cost === 'number')
  ) {
    missing.push('assets[].cost')
  }
  return missing.length === 0
    ? undefined
    : siesmartError(exchange, 400, `Invalid proposal: ${missing.join(', ')} required.`, { fields: missing })
}

/** Finds the proposal and checks `If-Match` (required on every modifying call): 404, 412, or the proposal. */
function guarded(exchange: Exchange, state: SiesmartState): SiesmartProposal | ResponseDraft {
  const proposal = state.proposals.get(exchange.params.proposalId ?? '')
  if (!proposal) return siesmartError(exchange, 404, `Proposal ${exchange.params.proposalId} not found.`)
  const precondition = checkIfMatch(exchange, proposal.lastModified)
  if (precondition === 'missing')
    return siesmartError(exchange, 412, 'The If-Match header is required to change a proposal.')
  if (precondition === 'stale') {
    return siesmartError(exchange, 412, 'The proposal was changed since you read it; read it again.', {
      currentETag: proposal.lastModified,
    })
  }
  return proposal
}

/**
 * Proposals: create (`POST /v1/proposals/proposal`), get, update (`PUT`, `PATCH`) and delete. Every answer carries
 * the proposal's `ETag`, a date-time string; every modifying call after create needs `If-Match` with it (412 when
 * missing or stale). An `introducerReference` is unique: a second create with it answers 409 with the existing id.
 */
export function registerSiesmartProposalRoutes(router: Router, state: SiesmartState, runtime: Runtime): void {
  router.on('POST', `${base}/proposal`, (exchange) => {
    const fields = jsonBody(exchange)
    if (!isRecord(fields)) return siesmartError(exchange, 400, 'The body must be a JSON object.')
    const problem = proposalProblem(exchange, fields)
    if (problem) return problem
    const reference = fields.introducerReference
    const existing = [...state.proposals.values()].find(
      (proposal) => reference !== undefined && proposal.fields.introducerReference === reference,
    )
    if (existing)
      return siesmartError(exchange, 409, `A proposal with introducerReference ${String(reference)} exists.`, {
        proposalId: existing.proposalId,
      })
    const now = nextModified(undefined, runtime.clock.now())
    const proposal: SiesmartProposal = {
      proposalId: String(++state.sequences.proposal),
      fields,
      status: 'SUBMITTED',
      createdAt: now,
      lastModified: now,
    }
    state.proposals.set(proposal.proposalId, proposal)
    markApplied(exchange, { resourceId: proposal.proposalId })
    const response = answer(proposal, 201)
    response.headers.location = `${base}/${proposal.proposalId}`
    return response
  })

  router.on('GET', `${base}/:proposalId`, (exchange) => {
    const proposal = state.proposals.get(exchange.params.proposalId ?? '')
    if (!proposal) return siesmartError(exchange, 404, `Proposal ${exchange.params.proposalId} not found.`)
    if (matchesIfNoneMatch(exchange, proposal.lastModified)) return emptyResponse(304, { etag: proposal.lastModified })
    return answer(proposal)
  })

  const change = (merge: boolean) => (exchange: Exchange) => {
    const proposal = guarded(exchange, state)
    if (!('proposalId' in proposal)) return proposal
    const fields = jsonBody(exchange)
    if (!isRecord(fields)) return siesmartError(exchange, 400, 'The body must be a JSON object.')
    const next = merge ? { ...proposal.fields, ...fields } : fields
    const problem = proposalProblem(exchange, next)
    if (problem) return problem
    proposal.fields = next
    proposal.lastModified = nextModified(proposal.lastModified, runtime.clock.now())
    markApplied(exchange, { resourceId: proposal.proposalId })
    return answer(proposal)
  }
  router.on('PUT', `${base}/:proposalId`, change(false))
  router.on('PATCH', `${base}/:proposalId`, change(true))

  router.on('DELETE', `${base}/:proposalId`, (exchange) => {
    const proposal = guarded(exchange, state)
    if (!('proposalId' in proposal)) return proposal
    state.proposals.delete(proposal.proposalId)
    markApplied(exchange, { resourceId: proposal.proposalId })
    return emptyResponse(204)
  })
}

/** Configuration lists: offices, sales contacts, asset types and pricelists. */
export function registerSiesmartConfigRoutes(router: Router, state: SiesmartState): void {
  const lists = {
    offices: state.config.offices,
    'sales-contacts': state.config.salesContacts,
    assets: state.config.assets,
    pricelists: state.config.pricelists,
  }
  for (const [name, items] of Object.entries(lists)) {
    router.on('GET', `/siesmart/b2b/v1/config/${name}`, () => siesmartJson(items))
  }
}
