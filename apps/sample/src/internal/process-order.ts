// One order through every step it still needs, in order: read it, ship it, invoice it and send the invoice, place
// the purchase order, and (above the threshold) open and update the finance proposal. A step that is in the state
// file is not done again; each result is in the state file before the next step starts.
import type { ProviderName } from '../job-config.ts'
import type { OrderRecord } from '../job-state.ts'
import { OrderFailedError } from '../sample-errors.ts'
import { classifyFailure, jobFailure, orderFailure } from './failures.ts'
import { needsProposal, openProposal, updateProposal } from './finance-proposal.ts'
import { createInvoice, sendInvoice } from './invoice-order.ts'
import { placePurchaseOrder } from './purchase-order.ts'
import { readOrder } from './read-order.ts'
import { shipOrder } from './ship-order.ts'
import type { StepContext } from './step-context.ts'

/** What to tell a user whose credentials a provider refused, in live mode. */
const credentialHints: Record<ProviderName, string> = {
  bol: 'check BOL_CLIENT_ID, BOL_CLIENT_SECRET and BOL_ENVIRONMENT',
  b2brouter: 'check B2BROUTER_API_KEY, B2BROUTER_ACCOUNT_ID and B2BROUTER_ENVIRONMENT',
  convictional: 'check CONVICTIONAL_API_KEY (a buyer key)',
  siesmart: 'check SIESMART_CLIENT_ID, SIESMART_CLIENT_SECRET and SIESMART_ENVIRONMENT',
}

/**
 * Runs `work` as one step of a provider: the order's own failures become `OrderFailedError` (unless `step` is
 * `undefined`: before the first order, every failure stops the job), anything that stops the job (refused
 * credentials, a provider that stays down) becomes `JobFailedError` naming the provider.
 */
export async function asStep<T>(
  context: Pick<StepContext, 'config' | 'signal'>,
  provider: ProviderName,
  step: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason
    const ofTheOrder = error instanceof OrderFailedError || classifyFailure(error) === 'order'
    if (step !== undefined && ofTheOrder) throw orderFailure(step, error)
    throw jobFailure(provider, error, context.config.target === 'live' ? credentialHints[provider] : undefined)
  }
}

/** Takes one order as far as it goes. `fromEarlierRun`: an earlier run knew it, so its writes may have landed. */
export async function processOrder(context: StepContext, orderId: string, fromEarlierRun: boolean): Promise<void> {
  const current = (): OrderRecord => {
    const record = context.state.get(orderId)
    if (record === undefined) throw new RangeError(`order ${orderId} is not in the state`)
    return record
  }
  const invoiceFromEarlierRun = current().invoice !== undefined
  if (current().failure !== undefined) {
    await context.state.update(orderId, (record) => {
      delete record.failure
    })
  }
  const details = current().details ?? (await asStep(context, 'bol', 'order', () => readOrder(context, orderId)))
  if (current().shipment === undefined) {
    await asStep(context, 'bol', 'shipment', () => shipOrder(context, orderId, details, fromEarlierRun))
  }
  if (current().invoice === undefined) {
    await asStep(context, 'b2brouter', 'invoice', () => createInvoice(context, current(), details))
  }
  if (current().invoice?.sentAt === undefined) {
    await asStep(context, 'b2brouter', 'invoice', () => sendInvoice(context, current(), invoiceFromEarlierRun))
  }
  if (current().purchaseOrder === undefined) {
    await asStep(context, 'convictional', 'purchase order', () => placePurchaseOrder(context, current(), details))
  }
  if (!needsProposal(details, context.config.proposalThreshold)) return
  if (current().proposal === undefined) {
    await asStep(context, 'siesmart', 'proposal', () => openProposal(context, current(), details))
  }
  if (current().proposal?.updatedAt === undefined) {
    await asStep(context, 'siesmart', 'proposal', () => updateProposal(context, current()))
  }
}
