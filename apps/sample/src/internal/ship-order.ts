// Step 2: ship the order's open lines and wait for bol's process to end. A shipment request is not repeatable (bol
// answers a second one with a FAILURE at best), so after a lost answer, or on a run after a crash, the job first asks
// bol what became of the last request (the processes of the order item, then the order itself) and sends a new one
// only when nothing shipped it.
import type { BolProcessStatus } from '@b2bkit/bol'
import { isB2bkitError } from '@b2bkit/http'
import type { OrderDetails } from '../job-state.ts'
import { orderFailure } from './failures.ts'
import type { StepContext } from './step-context.ts'
import { writeOnce } from './write-once.ts'

const isProcessFailure = (error: unknown) => isB2bkitError(error) && error.code === 'PROCESS_FAILED'

async function waitForProcess(context: StepContext, processStatusId: string | undefined): Promise<BolProcessStatus> {
  if (processStatusId === undefined) throw orderFailure('shipment', 'bol answered without a process status id')
  const [final] = await context.clients.bol.processStatus.waitMany([processStatusId], { signal: context.signal })
  return final as BolProcessStatus
}

/** Whether bol says nothing of the order is left to ship. */
async function nothingLeftToShip(context: StepContext, orderId: string): Promise<boolean> {
  const { bol } = context.clients
  const order = await context.retry(() => bol.orders.get(orderId, { signal: context.signal }))
  return order.orderItems.every((item) => item.quantityShipped + item.quantityCancelled >= item.quantity)
}

/** What became of earlier shipment requests: the process that shipped the order, or `undefined` when none did. */
async function findShipment(
  context: StepContext,
  orderId: string,
  orderItemId: string,
): Promise<{ processStatusId: string | undefined } | undefined> {
  const { bol } = context.clients
  const { processStatuses } = await context.retry(() =>
    bol.processStatus.byEntity({ entityId: orderItemId, eventType: 'CREATE_SHIPMENT' }, { signal: context.signal }),
  )
  for (const status of processStatuses) {
    if (status.status === 'SUCCESS') return { processStatusId: status.processStatusId }
    if (status.status !== 'PENDING') continue
    try {
      return { processStatusId: (await waitForProcess(context, status.processStatusId)).processStatusId }
    } catch (error) {
      if (!isProcessFailure(error)) throw error
    }
  }
  // No process of ours shipped it; it may have been shipped another way (bol's seller dashboard).
  return (await nothingLeftToShip(context, orderId)) ? { processStatusId: undefined } : undefined
}

/**
 * Ships every open line of the order in one shipment and resolves once bol's process succeeded.
 * `mayExist` says an earlier run may have sent the request already.
 */
export async function shipOrder(
  context: StepContext,
  orderId: string,
  details: OrderDetails,
  mayExist: boolean,
): Promise<void> {
  const { bol } = context.clients
  const open = details.lines.filter((line) => line.openQuantity > 0)
  const first = open[0]
  const shipped =
    first === undefined
      ? { processStatusId: undefined }
      : await writeOnce(context, {
          findFirst: mayExist,
          find: () => findShipment(context, orderId, first.orderItemId),
          write: async () => {
            const process = await bol.shipments.create(
              {
                orderItems: open.map((line) => ({ orderItemId: line.orderItemId, quantity: line.openQuantity })),
                shipmentReference: `b2bkit-${orderId}`,
                transport: { transporterCode: 'TNT', trackAndTrace: `3SB2BKIT${orderId}` },
              },
              { signal: context.signal },
            )
            return { processStatusId: (await waitForProcess(context, process.processStatusId)).processStatusId }
          },
          recover: async (error) => {
            if (!isProcessFailure(error)) return undefined
            // bol refused this request; another one may have shipped the order (a repeat ends in FAILURE).
            if (await nothingLeftToShip(context, orderId)) return { processStatusId: undefined }
            throw orderFailure('shipment', error)
          },
        })
  await context.state.update(orderId, (order) => {
    order.shipment = { processStatusId: shipped.processStatusId, shippedAt: context.state.timestamp() }
  })
  context.completed('shipped')
}
