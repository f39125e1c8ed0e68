// Before the first write: list bol's open orders (every page) and make one call to each other provider that the job
// needs anyway (the B2Brouter account, the supplier's catalogue, the SieSmart office). Refused credentials or a
// provider that is down fail the job here, with nothing written anywhere.
import type { JobConfig } from '../job-config.ts'
import { asStep } from './process-order.ts'
import type { ProviderClients } from './provider-clients.ts'
import { loadCatalog } from './purchase-order.ts'
import type { Preflight } from './step-context.ts'

/** What preflight needs. */
export interface PreflightContext {
  config: JobConfig
  clients: ProviderClients
  signal: AbortSignal
  retry<T>(step: (attempt: number) => Promise<T>): Promise<T>
  /** Stops every call of the job (the first preflight failure stops the others). */
  abort(error: unknown): void
  /** Called after each page of open orders. */
  onPage(pages: number, orders: number): void
}

/** The ids of every open bol order, page by page until bol answers an empty page. */
export async function listOpenOrders(context: PreflightContext): Promise<string[]> {
  const { bol } = context.clients
  const orderIds = new Set<string>()
  for (let page = 1; ; page++) {
    const { orders } = await context.retry(() => bol.orders.list({ status: 'OPEN', page }, { signal: context.signal }))
    if (orders.length === 0) break
    for (const order of orders) orderIds.add(order.orderId)
    context.onPage(page, orderIds.size)
  }
  return [...orderIds]
}

async function officeOf(context: PreflightContext): Promise<string> {
  const configured = context.config.siesmart.officeId
  if (configured !== undefined) return configured
  const offices = await context.retry(() => context.clients.siesmart.config.offices.list({ signal: context.signal }))
  const first = offices[0]
  if (first === undefined) throw new RangeError('the SieSmart account has no office; set SIESMART_OFFICE_ID')
  return String(first.id)
}

/** Lists the open orders and checks every provider, all at once; the first failure stops the others. */
export async function preflight(context: PreflightContext): Promise<{ openOrderIds: string[]; preflight: Preflight }> {
  const { clients, config, signal } = context
  const checks = [
    asStep(context, 'bol', undefined, () => listOpenOrders(context)),
    asStep(context, 'b2brouter', undefined, () =>
      context.retry(() => clients.b2brouter.accounts.get(config.b2brouter.accountId, { signal })),
    ),
    asStep(context, 'convictional', undefined, () => context.retry(() => loadCatalog(clients.convictional, signal))),
    asStep(context, 'siesmart', undefined, () => officeOf(context)),
  ] as const
  try {
    const [openOrderIds, , catalog, officeId] = await Promise.all(checks)
    return { openOrderIds, preflight: { catalog, officeId } }
  } catch (error) {
    context.abort(error)
    await Promise.allSettled(checks)
    throw error
  }
}
