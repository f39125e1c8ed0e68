// Checks every request the client sends against bol's own OpenAPI documents, which live beside the repository
// (never copied into it): method and path against an operation, Accept and Content-Type against its media types,
// query parameters against its parameters, and the JSON body against its request schema (ajv).
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BolClient } from './bol-client.js'
import { type BolEmulator, clientFor, startBol, startPushReceiver } from './internal/test-support.js'

interface MediaTypes {
  content?: Record<string, { schema?: { $ref?: string } }>
}
interface Operation {
  parameters?: Array<{ name: string; in: string }>
  requestBody?: MediaTypes
  responses: Record<string, MediaTypes>
}
type Document = { paths: Record<string, Record<string, Operation>> }

const specUrl = (name: string) => new URL(`../../../../shared/specs/bol/${name}`, import.meta.url)
const documents = {
  retailer: JSON.parse(readFileSync(specUrl('retailer-v10.json'), 'utf8')) as Document,
  shared: JSON.parse(readFileSync(specUrl('shared-v10.json'), 'utf8')) as Document,
}
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true)
ajv.addSchema(documents.retailer, 'retailer')
ajv.addSchema(documents.shared, 'shared')

/** The documented operation of a request: the template with the most literal segments that has the method. */
function operationFor(method: string, path: string) {
  const live = path.replace(/^\/(retailer|shared)-demo\//, '/$1/')
  const name = live.startsWith('/shared/') ? ('shared' as const) : ('retailer' as const)
  const matches = Object.entries(documents[name].paths)
    .filter(([template, operations]) => {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`)
      return pattern.test(live) && operations[method.toLowerCase()] !== undefined
    })
    .sort(([left], [right]) => left.split('{').length - right.split('{').length)
  const [template, operations] = matches[0] ?? []
  if (template === undefined || operations === undefined) return undefined
  return { document: name, template, operation: operations[method.toLowerCase()] as Operation }
}

const mediaTypes = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase() ?? '')
    .filter(Boolean)

/** Calls every method of every namespace of the client, against the emulator. */
async function exerciseEveryMethod(bol: BolClient, emulator: BolEmulator, hookUrl: string): Promise<void> {
  const orders = await bol.orders.list({ status: 'ALL', fulfilmentMethod: 'ALL', page: 1 })
  for await (const _ of bol.orders.iterate({ status: 'OPEN' }, { maxPages: 1 })) break
  const open = [...emulator.state.orders.values()].filter((order) =>
    order.orderItems.every((item) => item.quantityShipped === 0 && item.fulfilmentMethod === 'FBR'),
  )
  await bol.orders.get(orders.orders[0]?.orderId ?? '')
  await (
    await bol.orders.cancel({ orderItemId: open[0]?.orderItems[0]?.orderItemId ?? '', reasonCode: 'OUT_OF_STOCK' })
  ).wait()

  const shipped = await bol.shipments.create({
    orderItems: [{ orderItemId: open[1]?.orderItems[0]?.orderItemId ?? '', quantity: 1 }],
    shipmentReference: 'REF-1',
    transport: { transporterCode: 'TNT', trackAndTrace: '3S123' },
  })
  await shipped.wait()
  const shipments = await bol.shipments.list({ fulfilmentMethod: 'FBR', orderId: open[1]?.orderId ?? '' })
  for await (const _ of bol.shipments.iterate({ fulfilmentMethod: 'FBR' })) break
  await bol.shipments.get(shipments.shipments[0]?.shipmentId ?? '')

  const offer = await (
    await bol.offers.create({
      ean: '8712345678906',
      condition: { name: 'AS_NEW', category: 'SECONDHAND', comment: 'Box opened' },
      reference: 'SKU-1',
      onHoldByRetailer: false,
      unknownProductTitle: 'A product',
      pricing: {
        bundlePrices: [
          { quantity: 1, unitPrice: 9.5 },
          { quantity: 5, unitPrice: 8 },
        ],
      },
      stock: { amount: 3, managedByRetailer: false },
      fulfilment: { method: 'FBR', deliveryCode: '1-2d' },
    })
  ).wait()
  const offerId = offer.entityId ?? ''
  await bol.offers.get(offerId)
  await (
    await bol.offers.update(offerId, { reference: 'SKU-2', onHoldByRetailer: true, fulfilment: { method: 'FBR' } })
  ).wait()
  await (await bol.offers.updatePrice(offerId, { pricing: { bundlePrices: [{ quantity: 1, unitPrice: 12 }] } })).wait()
  await (await bol.offers.updateStock(offerId, { amount: 7, managedByRetailer: true })).wait()
  const exported = await bol.offers.export()
  await bol.offers.getExport(exported.reportId)
  await (await bol.offers.delete(offerId)).wait()

  const returns = await bol.returns.list({ handled: false, fulfilmentMethod: 'FBR', page: 1 })
  for await (const _ of bol.returns.iterate({ handled: true })) break
  const entry = await bol.returns.get(returns.returns[0]?.returnId ?? '')
  await (
    await bol.returns.handle(entry.returnItems[0]?.rmaId ?? '', {
      handlingResult: 'RETURN_RECEIVED',
      quantityReturned: 1,
    })
  ).wait()
  await (
    await bol.returns.create({
      orderItemId: open[1]?.orderItems[0]?.orderItemId ?? '',
      quantityReturned: 1,
      handlingResult: 'EXCHANGE_PRODUCT',
    })
  ).wait()

  const invoices = await bol.invoices.list({ periodStartDate: '2025-01-01', periodEndDate: '2025-01-31' })
  const invoiceId = invoices.invoiceListItems[0]?.invoiceId ?? [...emulator.state.invoices.keys()][0] ?? ''
  await bol.invoices.get(invoiceId)
  await bol.invoices.getPdf(invoiceId)
  await bol.inventory.list({ page: 1, quantity: ['0-10', '20-30'], stock: 'SUFFICIENT', state: 'REGULAR', query: 'a' })
  for await (const _ of bol.inventory.iterate()) break

  await bol.commissions.get('8712345678906', { unitPrice: 12.5, condition: 'NEW' })
  await bol.commissions.getMany([{ ean: '8712345678906', unitPrice: 3, condition: 'GOOD' }])
  await bol.commissions.rates(['8712345678906', '8712345678913'])

  const subscription = {
    resources: ['PROCESS_STATUS' as const],
    url: hookUrl,
    subscriptionType: 'WEBHOOK' as const,
    enabled: true,
  }
  const created = await (await bol.subscriptions.create(subscription)).wait()
  const subscriptionId = created.entityId ?? ''
  await bol.subscriptions.list()
  await bol.subscriptions.get(subscriptionId)
  await (
    await bol.subscriptions.update(subscriptionId, { ...subscription, resources: ['PROCESS_STATUS', 'ORDER'] })
  ).wait()
  await (await bol.subscriptions.test(subscriptionId)).wait()
  await bol.subscriptions.signatureKeys()
  await (await bol.subscriptions.delete(subscriptionId)).wait()

  const pending = await bol.shipments.create({
    orderItems: [{ orderItemId: open[2]?.orderItems[0]?.orderItemId ?? '' }],
  })
  const pendingId = pending.processStatusId ?? ''
  await bol.processStatus.get(pendingId)
  await bol.processStatus.byEntity({
    entityId: open[1]?.orderItems[0]?.orderItemId ?? '',
    eventType: 'CREATE_SHIPMENT',
    page: 1,
  })
  await bol.processStatus.getMany([pendingId])
  await bol.processStatus.wait(pendingId)
  await bol.processStatus.waitMany([pendingId, shipped.processStatusId ?? ''])
}

/** A client whose namespaces record which of their methods were called. */
function tracing(bol: BolClient, called: Set<string>, available: Set<string>): BolClient {
  const namespaces = [
    'orders',
    'shipments',
    'offers',
    'returns',
    'invoices',
    'inventory',
    'commissions',
    'subscriptions',
    'processStatus',
  ] as const
  const traced: Record<string, unknown> = { ...bol }
  for (const name of namespaces) {
    const target = bol[name] as unknown as Record<string, (...args: unknown[]) => unknown>
    for (const method of Object.keys(target)) available.add(`${name}.${method}`)
    traced[name] = Object.fromEntries(
      Object.entries(target).map(([method, call]) => {
        const recorded = (...args: unknown[]) => {
          called.add(`${name}.${method}`)
          return call(...args)
        }
        return [method, recorded]
      }),
    )
  }
  return traced as unknown as BolClient
}

describe('conformance with bol’s OpenAPI documents', () => {
  let emulator: BolEmulator
  let receiver: Awaited<ReturnType<typeof startPushReceiver>>
  const called = new Set<string>()
  const available = new Set<string>()

  beforeAll(async () => {
    emulator = await startBol({ seed: 131, processDelayMs: 10, rateLimits: false })
    receiver = await startPushReceiver()
    const bol = tracing(clientFor(emulator, { rateLimit: false }), called, available)
    await exerciseEveryMethod(bol, emulator, receiver.url)
    const demo = clientFor(emulator, { rateLimit: false, environment: 'demo' })
    await demo.orders.list()
    await (
      await demo.subscriptions.create({ resources: ['ORDER'], url: receiver.url, subscriptionType: 'WEBHOOK' })
    ).wait()
  })
  afterAll(async () => {
    await emulator.stop()
    await receiver.stop()
  })

  const sent = () => emulator.requests.filter((request) => request.path !== '/token')

  it('exercised every method of every resource, and every answer was a success', () => {
    expect([...available].filter((method) => !called.has(method))).toEqual([])
    expect(available.size).toBe(41)
    expect(sent().filter((request) => (request.status ?? 0) >= 400)).toEqual([])
  })

  it('sends only documented methods and paths', () => {
    const requests = sent()
    expect(requests.length).toBeGreaterThan(60)
    expect(
      requests.filter((request) => !operationFor(request.method, request.path)).map((r) => `${r.method} ${r.path}`),
    ).toEqual([])
    const templates = new Set(
      requests.map((request) => `${request.method} ${operationFor(request.method, request.path)?.template}`),
    )
    expect(templates.size).toBe(34)
  })

  it('asks for and sends only the documented media types', () => {
    const failures: string[] = []
    for (const request of sent()) {
      const found = operationFor(request.method, request.path)
      if (!found) continue
      const produced = new Set(
        Object.values(found.operation.responses).flatMap((response) => Object.keys(response.content ?? {})),
      )
      for (const type of mediaTypes(request.headers.accept)) {
        if (!produced.has(type)) failures.push(`${request.method} ${found.template}: Accept ${type}`)
      }
      const consumed = Object.keys(found.operation.requestBody?.content ?? {})
      const [contentType] = mediaTypes(request.headers['content-type'])
      if (request.body !== '' && (contentType === undefined || !consumed.includes(contentType))) {
        failures.push(`${request.method} ${found.template}: Content-Type ${contentType}`)
      }
      if (request.body === '' && contentType !== undefined)
        failures.push(`${request.method} ${found.template}: Content-Type without a body`)
    }
    expect(failures).toEqual([])
  })

  it('sends only documented query parameters', () => {
    const failures: string[] = []
    for (const request of sent()) {
      const found = operationFor(request.method, request.path)
      const documented = new Set(
        found?.operation.parameters?.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
      )
      for (const name of Object.keys(request.query)) {
        if (!documented.has(name)) failures.push(`${request.method} ${found?.template}: ?${name}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('sends JSON bodies that validate against the documented request schemas', () => {
    const failures: string[] = []
    let validated = 0
    for (const request of sent()) {
      const found = operationFor(request.method, request.path)
      if (!found || request.body === '') continue
      const [contentType = ''] = mediaTypes(request.headers['content-type'])
      const reference = found.operation.requestBody?.content?.[contentType]?.schema?.$ref
      if (reference === undefined) {
        failures.push(`${request.method} ${found.template}: no request schema`)
        continue
      }
      const validate = ajv.getSchema(`${found.document}${reference}`)
      validated++
      if (!validate?.(JSON.parse(request.body)))
        failures.push(`${request.method} ${found.template}: ${ajv.errorsText(validate?.errors)}`)
    }
    expect(failures).toEqual([])
    expect(validated).toBeGreaterThanOrEqual(17)
  })
})
