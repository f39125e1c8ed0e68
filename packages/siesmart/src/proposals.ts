import { update } from '@b2bkit/etag'
import { withRequestId } from '@b2bkit/http'
import { isConflictError, type ProblemError } from '@b2bkit/problem'
import { pathSegment, requestJson, send } from '@b2bkit/provider-kit'
import type { KyInstance } from 'ky'
import type { SieSmartCallOptions } from './call-options.js'
import type { DecisionRequest, PrecheckResult, Proposal, ProposalInput } from './types.js'

/**
 * Options of `proposals.create()`.
 *
 * @example
 * ```ts
 * await client.proposals.create(input, { ifExists: 'return' } satisfies CreateProposalOptions)
 * ```
 */
export interface CreateProposalOptions extends SieSmartCallOptions {
  /**
   * What to do when a proposal with this `introducerReference` exists (409): `'error'` throws the `ConflictError`;
   * `'return'` resolves with the existing proposal, so a job that crashed after a create can run again and create
   * nothing twice. With `'return'` (and a reference) the create is also retried after a failure.
   * @default 'error'
   */
  ifExists?: 'error' | 'return' | undefined
}

/**
 * Options of `proposals.update()`.
 *
 * @example
 * ```ts
 * await client.proposals.update(id, (current) => ({ ...current, label: 'x' }), { attempts: 10 } satisfies UpdateProposalOptions)
 * ```
 */
export interface UpdateProposalOptions extends SieSmartCallOptions {
  /**
   * Read-change-write rounds before giving up with `PreconditionFailedError` (from `@b2bkit/etag`).
   * @default 5
   */
  attempts?: number | undefined
  /**
   * `'PUT'` writes the whole changed proposal; `'PATCH'` sends it to be merged.
   * @default 'PUT'
   */
  method?: 'PUT' | 'PATCH' | undefined
}

/**
 * `client.proposals`: finance proposals, versioned by ETag.
 *
 * @example
 * ```ts
 * const proposal = await client.proposals.get(id)
 * await client.proposals.delete(proposal.proposalId)
 * ```
 */
export interface ProposalsResource {
  /** Creates a proposal (no `If-Match`: nothing to match yet); its ETag is remembered for the calls after. */
  create(input: ProposalInput, options?: CreateProposalOptions): Promise<Proposal>
  /** One proposal; a repeated read is answered from cache when the server says `304 Not Modified`. */
  get(id: string, options?: SieSmartCallOptions): Promise<Proposal>
  /**
   * Reads the proposal, applies `change` to a copy, and writes it with `If-Match`. When someone else wrote in
   * between (412), it reads again and applies `change` to the new version, so two concurrent updates never lose
   * one. `change` may run more than once: compute from its argument alone.
   */
  update(
    id: string,
    change: (current: Proposal) => Proposal | Promise<Proposal>,
    options?: UpdateProposalOptions,
  ): Promise<Proposal>
  /** Deletes a proposal with `If-Match` (reading it first when its ETag is not known yet). */
  delete(id: string, options?: SieSmartCallOptions): Promise<void>
  /** Whether the proposal can be submitted for a credit decision now, and what stands in the way. */
  precheck(id: string, options?: SieSmartCallOptions): Promise<PrecheckResult>
  /**
   * Submits the proposal for a credit decision with `If-Match`; resolves with the proposal and its `decision`.
   * Not retried: a lost answer may have submitted it — read the proposal's `decision` instead.
   */
  submit(id: string, request: DecisionRequest, options?: SieSmartCallOptions): Promise<Proposal>
}

/**
 * What the proposals resource needs besides the ky instance.
 *
 * @example
 * ```ts
 * const versions: ProposalVersions = { known: async (id) => store.has(id) }
 * ```
 */
export interface ProposalVersions {
  /** Whether the ETag of a proposal is known (so a modifying call can send `If-Match`). */
  known(id: string): Promise<boolean>
}

const proposalPath = (id: string) => `v1/proposals/${pathSegment(id)}`

/** Builds `client.proposals`. */
export function proposalsResource(http: KyInstance, versions: ProposalVersions): ProposalsResource {
  const get = (id: string, options: SieSmartCallOptions = {}) => requestJson<Proposal>(http, proposalPath(id), options)
  // SieSmart wants If-Match on every modifying call after the create: read the proposal when its version is unknown.
  const ensureVersion = async (id: string, options: SieSmartCallOptions) => {
    if (!(await versions.known(id))) await get(id, options)
  }
  return {
    create: async (input, options = {}) => {
      const { ifExists = 'error', ...call } = options
      const safe =
        ifExists === 'return' && typeof input.introducerReference === 'string' && input.introducerReference !== ''
      try {
        return await requestJson<Proposal>(http, 'v1/proposals/proposal', {
          ...call,
          method: 'POST',
          json: input,
          retrySafe: safe,
        })
      } catch (error) {
        const existing = ifExists === 'return' && isConflictError(error) ? existingProposalId(error) : undefined
        if (existing === undefined) throw error
        return get(existing, call)
      }
    },
    get,
    update: async (id, change, options = {}) => {
      const { attempts, method, signal, priority, timeout } = options
      let written: Response | undefined
      const result = await update<Proposal>(http, proposalPath(id), change, {
        attempts,
        method,
        signal,
        requestOptions: {
          context: { priority: priority ?? 0 },
          ...(timeout === undefined ? {} : { timeout }),
          hooks: {
            afterResponse: [
              ({ request, response }) => {
                // The write's response, for its trace id: update() hands back only the parsed body.
                if (request.method !== 'GET') written = response
              },
            ],
          },
        },
      })
      return written === undefined ? result.value : withRequestId(result.value, written)
    },
    delete: async (id, options = {}) => {
      await ensureVersion(id, options)
      await send(http, proposalPath(id), { ...options, method: 'DELETE' })
    },
    precheck: (id, options = {}) => requestJson(http, `${proposalPath(id)}/decision/precheck`, options),
    submit: async (id, request, options = {}) => {
      await ensureVersion(id, options)
      return requestJson(http, `${proposalPath(id)}/decision`, { ...options, method: 'POST', json: request })
    },
  }
}

/** The proposal id a 409 names (`{"proposalId": "…"}`), when it names one. */
function existingProposalId(error: ProblemError): string | undefined {
  const id = error.extensions.proposalId
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}
