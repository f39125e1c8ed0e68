// Step 5, for orders above the threshold: open a SieSmart finance proposal and update it with the invoice and the
// purchase order. The introducerReference is unique, so the create is repeatable (`ifExists: 'return'`); the update
// is ETag-guarded (read, change, write with If-Match, again on a 412) and sets fields to fixed values, so running it
// twice changes nothing more.
import type { ProposalInput } from '@b2bkit/siesmart'
import type { OrderDetails, OrderRecord } from '../job-state.ts'
import type { StepContext } from './step-context.ts'

/** The introducer reference of a bol order: the key that makes the create repeatable. */
export const introducerReferenceOf = (orderId: string) => `bol-${orderId}`

/** Whether an order gets a finance proposal. */
export const needsProposal = (details: OrderDetails, threshold: number) => details.total > threshold

/** The proposal for a bol order. */
export function proposalFor(orderId: string, details: OrderDetails, officeId: string): ProposalInput {
  return {
    introducerReference: introducerReferenceOf(orderId),
    officeId,
    label: `bol.com order ${orderId}`,
    customer: { companyName: details.customer.name },
    assets: [{ description: details.lines.map((line) => line.title).join(', '), cost: details.total }],
  }
}

/** The label the update writes: where the order's invoice and purchase order are. */
export const updatedLabelOf = (record: OrderRecord) =>
  `bol.com order ${record.orderId} · invoice ${record.invoice?.number ?? '?'} · purchase order ${record.purchaseOrder?.id ?? '?'}`

/** Opens the proposal (or finds the one an earlier attempt opened) and keeps its id. */
export async function openProposal(context: StepContext, record: OrderRecord, details: OrderDetails) {
  const { proposals } = context.clients.siesmart
  const input = proposalFor(record.orderId, details, context.preflight.officeId)
  const proposal = await context.retry(() => proposals.create(input, { ifExists: 'return', signal: context.signal }))
  await context.state.update(record.orderId, (entry) => {
    entry.proposal = { id: proposal.proposalId, openedAt: context.state.timestamp() }
  })
  context.completed('proposalOpened')
}

/** Writes the invoice number and purchase order id into the proposal, guarded by its ETag. */
export async function updateProposal(context: StepContext, record: OrderRecord) {
  const { proposals } = context.clients.siesmart
  const proposal = record.proposal
  if (proposal === undefined) throw new RangeError(`order ${record.orderId} has no proposal to update`)
  const label = updatedLabelOf(record)
  await context.retry(() =>
    proposals.update(proposal.id, (current) => ({ ...current, label }), { signal: context.signal }),
  )
  await context.state.update(record.orderId, (entry) => {
    entry.proposal = { ...proposal, updatedAt: context.state.timestamp() }
  })
  context.completed('proposalUpdated')
}
