/**
 * The SieSmart resources as the API returns them. The fields b2bkit relies on are typed; everything else SieSmart
 * sends stays on the object under its own name.
 */

/**
 * The customer a proposal finances.
 *
 * @example
 * ```ts
 * const customer: ProposalCustomer = { companyName: 'Acme Ltd', registrationNumber: '01234567' }
 * ```
 */
export interface ProposalCustomer {
  companyName?: string | undefined
  registrationNumber?: string | undefined
  [field: string]: unknown
}

/**
 * An asset a proposal finances.
 *
 * @example
 * ```ts
 * const asset: ProposalAsset = { iacCode: 'ITE2201', description: '3 servers', cost: 42_000 }
 * ```
 */
export interface ProposalAsset {
  /** The asset's IAC code (from `config.assets`). */
  iacCode?: string | undefined
  description?: string | undefined
  cost?: number | undefined
  [field: string]: unknown
}

/**
 * The credit decision on a submitted proposal.
 *
 * @example
 * ```ts
 * const { decision } = await client.proposals.submit(id, request)
 * console.log(decision?.decisionStatus satisfies ProposalDecision['decisionStatus'])
 * ```
 */
export interface ProposalDecision {
  decisionStatus?: string | undefined
  decisionRequestedDate?: string | undefined
  decisionDate?: string | undefined
  decisionValidUntilDate?: string | undefined
  comment?: string | undefined
  condition?: string | undefined
  reason?: string | undefined
  [field: string]: unknown
}

/**
 * What creating a proposal sends.
 *
 * @example
 * ```ts
 * const input: ProposalInput = { introducerReference: 'DEAL-42', officeId: 1, customer, assets: [asset] }
 * ```
 */
export interface ProposalInput {
  /**
   * Your own reference for the proposal. SieSmart refuses a second proposal with it (409 with the existing
   * `proposalId`), which is what lets `ifExists: 'return'` find the proposal a lost answer created.
   */
  introducerReference?: string | undefined
  /** The office the proposal belongs to (from `config.offices`). */
  officeId?: number | string | undefined
  /** The sales person creating the deal (from `config.salesContacts`); required outside the UK. */
  salesContactId?: number | string | undefined
  label?: string | undefined
  customer?: ProposalCustomer | undefined
  assets?: ProposalAsset[] | undefined
  calculation?: Record<string, unknown> | undefined
  [field: string]: unknown
}

/**
 * A proposal as the API returns it.
 *
 * @example
 * ```ts
 * const proposal: Proposal = await client.proposals.get(id)
 * console.log(proposal.status, proposal.lastModified)
 * ```
 */
export interface Proposal extends ProposalInput {
  /** The proposal id, used in every later call about it. */
  proposalId: string
  status?: string | undefined
  /** When it last changed: SieSmart's ETag is this date-time. */
  lastModified?: string | undefined
  decision?: ProposalDecision | undefined
}

/**
 * What the decision pre-check found.
 *
 * @example
 * ```ts
 * const { requestAllowed, preconditionViolations }: PrecheckResult = await client.proposals.precheck(id)
 * ```
 */
export interface PrecheckResult {
  /** Whether the proposal can be submitted for a credit decision now. */
  requestAllowed?: boolean | undefined
  /** Whether a submitted request can still be cancelled. */
  cancelAllowed?: boolean | undefined
  /** What stands in the way: `{ code, userMessage }` per unmet pre-condition. */
  preconditionViolations?: Array<{ code?: string | undefined; userMessage?: string | undefined }> | undefined
  [field: string]: unknown
}

/**
 * What submitting a proposal for a credit decision sends.
 *
 * @example
 * ```ts
 * await client.proposals.submit(id, { siemensMayContactCustomer: true, siemensMayRequestCreditData: false, prelease: false } satisfies DecisionRequest)
 * ```
 */
export interface DecisionRequest {
  /** A note to the underwriter. */
  commentToRiskAnalyst?: string | undefined
  /** Whether Siemens may contact the customer. */
  siemensMayContactCustomer: boolean
  /** Whether Siemens may request credit data (US proposals). */
  siemensMayRequestCreditData: boolean
  /** Whether payment is needed before the equipment is built. */
  prelease: boolean
  [field: string]: unknown
}

/**
 * One of the introducer's offices.
 *
 * @example
 * ```ts
 * const offices: Office[] = await client.config.offices.list()
 * ```
 */
export interface Office {
  id: number | string
  name?: string | undefined
  [field: string]: unknown
}

/**
 * A sales person of an office.
 *
 * @example
 * ```ts
 * const contacts: SalesContact[] = await client.config.salesContacts.list(officeId)
 * ```
 */
export interface SalesContact {
  id: number | string
  firstName?: string | undefined
  lastName?: string | undefined
  name?: string | undefined
  email?: string | undefined
  officeIds?: Array<number | string> | undefined
  [field: string]: unknown
}

/**
 * An asset type a proposal can finance.
 *
 * @example
 * ```ts
 * const assets: AssetType[] = await client.config.assets.list({ officeId })
 * ```
 */
export interface AssetType {
  iacCode?: string | undefined
  id?: string | undefined
  name?: string | undefined
  [field: string]: unknown
}

/**
 * A pricelist a calculation can use.
 *
 * @example
 * ```ts
 * const pricelists: Pricelist[] = await client.config.pricelists.list({ officeId })
 * ```
 */
export interface Pricelist {
  id: number | string
  name?: string | undefined
  [field: string]: unknown
}
