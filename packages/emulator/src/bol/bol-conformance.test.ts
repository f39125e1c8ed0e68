import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../core/emulator.js'
import { startBolEmulator } from './bol-emulator.js'
import type { BolState } from './bol-state.js'
import { bolFetcher, bolToken, waitForProcess } from './bol-testing.js'
import type { BolCredentials } from './bol-token-endpoint.js'

// bol's own OpenAPI documents, kept beside the repository (never copied into it).
const specUrl = (name: string) => new URL(`../../../../../shared/specs/bol/${name}`, import.meta.url)
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }
type Document = { paths: Record<string, Record<string, Operation>> }
const documents = {
  retailer: JSON.parse(readFileSync(specUrl('retailer-v10.json'), 'utf8')) as Document,
  shared: JSON.parse(readFileSync(specUrl('shared-v10.json'), 'utf8')) as Document,
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true)
ajv.addSchema(documents.retailer, 'retailer')
ajv.addSchema(documents.shared, 'shared')

interface Served {
  method: string
  path: string
  status: number
  contentType: string
  body: string
}

/** The documented operation for a served path: the template with the most literal segments wins. */
function operationFor(
  method: string,
  path: string,
): { document: 'retailer' | 'shared'; template: string; operation: Operation } | undefined {
  const live = path.replace(/^\/(retailer|shared)-demo\//, '/$1/')
  const document = live.startsWith('/shared/') ? 'shared' : 'retailer'
  const candidates = Object.entries(documents[document].paths)
    .filter(([template]) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(live))
    .sort(([a], [b]) => b.split('{').length - a.split('{').length)
    .reverse()
  const found = candidates.find(([, operations]) => operations[method.toLowerCase()])
  if (!found) return undefined
  return { document, template: found[0], operation: found[1][method.toLowerCase()] as Operation }
}

const compiled = new Map<string, ValidateFunction>()
function validatorFor(document: string, pointer: string): ValidateFunction {
  const key = `${document}#${pointer}`
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajv.getSchema(key) as ValidateFunction
    compiled.set(key, validate)
  }
  return validate
}

describe('bol conformance with bol OpenAPI documents', () => {
  let emulator: Emulator<BolState, BolCredentials>
  const served: Served[] = []

  beforeAll(async () => {
    emulator = await startBolEmulator({ processDelayMs: 10, rateLimits: false, seed: 3 })
    const token = await bolToken(emulator)
    const raw = bolFetcher(emulator, token)
    const request: typeof raw = async (path, init) => {
      const response = await raw(path, init)
      const body = await response.clone().text()
      served.push({
        method: init?.method ?? 'GET',
        path: path.split('?')[0] ?? path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      })
      return response
    }
    const json = async (path: string, init?: Parameters<typeof raw>[1]) =>
      (await (await request(path, init)).json()) as Record<string, unknown>
    const settle = async (pending: Record<string, unknown>) => waitForProcess(request, String(pending.processStatusId))

    const orders = [...emulator.state.orders.values()]
    const openItem = orders[0]?.orderItems[0]?.orderItemId
    await request('/retailer/orders')
    await request('/retailer/orders?page=9')
    await request('/retailer-demo/orders?status=ALL')
    await request(`/retailer/orders/${orders[0]?.orderId}`)
    await request('/retailer/orders/unknown')
    await request('/retailer/orders?page=0')
    await settle(
      await json('/retailer/shipments', {
        method: 'POST',
        body: { orderItems: [{ orderItemId: openItem }], shipmentReference: 'R1' },
      }),
    )
    await settle(
      await json('/retailer/shipments', { method: 'POST', body: { orderItems: [{ orderItemId: 'missing' }] } }),
    )
    await request('/retailer/shipments', { method: 'POST', body: {} })
    const shipments = await json('/retailer/shipments')
    await request(`/retailer/shipments/${(shipments.shipments as Array<{ shipmentId: string }>)[0]?.shipmentId}`)
    await request('/retailer/shipments/0')
    await settle(
      await json('/retailer/orders/cancellation', {
        method: 'PUT',
        body: { orderItems: [{ orderItemId: orders[1]?.orderItems[0]?.orderItemId, reasonCode: 'OUT_OF_STOCK' }] },
      }),
    )
    const offer = {
      ean: '8712345678906',
      condition: { name: 'NEW' },
      pricing: { bundlePrices: [{ quantity: 1, unitPrice: 9.5 }] },
      stock: { amount: 3, managedByRetailer: false },
      fulfilment: { method: 'FBR' },
    }
    const created = await settle(await json('/retailer/offers', { method: 'POST', body: offer }))
    const offerId = String(created.entityId)
    await request(`/retailer/offers/${offerId}`)
    await settle(await json(`/retailer/offers/${offerId}`, { method: 'PUT', body: { fulfilment: { method: 'FBR' } } }))
    await settle(
      await json(`/retailer/offers/${offerId}/price`, {
        method: 'PUT',
        body: { pricing: { bundlePrices: [{ quantity: 1, unitPrice: 12 }] } },
      }),
    )
    await settle(
      await json(`/retailer/offers/${offerId}/stock`, { method: 'PUT', body: { amount: 1, managedByRetailer: true } }),
    )
    const exported = await settle(await json('/retailer/offers/export', { method: 'POST', body: { format: 'CSV' } }))
    await request(`/retailer/offers/export/${exported.entityId}`, {
      headers: { accept: 'application/vnd.retailer.v10+csv' },
    })
    await settle(await json(`/retailer/offers/${offerId}`, { method: 'DELETE' }))
    await request(`/retailer/offers/${offerId}`)
    await request('/retailer/offers', { method: 'POST', body: { ean: '' } })
    const returns = await json('/retailer/returns')
    const returnEntry = (returns.returns as Array<{ returnId: string; returnItems: Array<{ rmaId: string }> }>)[0]
    await request(`/retailer/returns/${returnEntry?.returnId}`)
    await settle(
      await json(`/retailer/returns/${returnEntry?.returnItems[0]?.rmaId}`, {
        method: 'PUT',
        body: { handlingResult: 'RETURN_RECEIVED', quantityReturned: 1 },
      }),
    )
    await request('/retailer/returns?handled=true')
    await request('/retailer/invoices')
    await request(`/retailer/invoices/${[...emulator.state.invoices.keys()][0]}`)
    await request('/retailer/inventory')
    await request('/retailer/commission/8712345678906?unit-price=12.5')
    await request('/retailer/commission/8712345678906')
    await request('/retailer/commission', {
      method: 'POST',
      body: { commissionQueries: [{ ean: '8712345678906', unitPrice: 3 }] },
    })
    await request('/retailer/commissions', {
      method: 'POST',
      body: { products: [{ ean: '8712345678906' }, { ean: '1' }] },
    })
    const subscription = await settle(
      await json('/retailer/subscriptions', {
        method: 'POST',
        body: {
          resources: ['PROCESS_STATUS'],
          url: 'http://127.0.0.1:9/hook',
          subscriptionType: 'WEBHOOK',
          enabled: false,
        },
      }),
    )
    await request('/retailer/subscriptions')
    await request(`/retailer/subscriptions/${subscription.entityId}`)
    await request('/retailer/subscriptions/signature-keys')
    await settle(await json(`/retailer/subscriptions/${subscription.entityId}`, { method: 'DELETE' }))
    const pending = await json('/retailer/shipments', {
      method: 'POST',
      body: { orderItems: [{ orderItemId: orders[2]?.orderItems[0]?.orderItemId }] },
    })
    await request(`/shared/process-status?entity-id=${openItem}&event-type=CREATE_SHIPMENT`)
    await request('/shared/process-status?entity-id=1')
    await request('/shared/process-status', {
      method: 'POST',
      body: { processStatusQueries: [{ processStatusId: String(pending.processStatusId) }] },
    })
    await request('/shared-demo/process-status/0')
    await request('/retailer/orders', { headers: { authorization: 'Bearer nonsense' } })
    await request('/retailer/orders', { headers: { accept: 'application/json' } })
    await request('/retailer/shipments', { method: 'POST', body: {}, headers: { 'content-type': 'text/plain' } })
    emulator.setRateLimits({
      rules: [{ path: '/retailer/returns', limit: 1, intervalMs: 10_000 }],
      includeDefaults: false,
    })
    await request('/retailer/returns')
    await request('/retailer/returns')
    emulator.setFaults({ errorRate: 1, errorStatuses: [503] })
    await request('/retailer/orders')
    emulator.setFaults({})
  })
  afterAll(() => emulator.stop())

  it('serves only documented paths and methods', () => {
    const undocumented = served.filter((entry) => !operationFor(entry.method, entry.path))
    expect(undocumented.map((entry) => `${entry.method} ${entry.path}`)).toEqual([])
  })

  it('validates every JSON body it served against the documented schema, or the Problem schema for error statuses', () => {
    const failures: string[] = []
    let checked = 0
    for (const entry of served) {
      const found = operationFor(entry.method, entry.path)
      if (!found) continue
      const documented = found.operation.responses[String(entry.status)]
      const media = documented?.content?.[entry.contentType]
      if (documented && !media && Object.keys(documented.content ?? {}).length > 0) {
        failures.push(
          `${entry.method} ${found.template} ${entry.status}: undocumented content type ${entry.contentType}`,
        )
        continue
      }
      const reference = media?.schema?.$ref as string | undefined
      if (media?.schema && media.schema.format === 'byte') continue // documented as opaque bytes
      if (!documented && entry.status < 400) {
        failures.push(`${entry.method} ${found.template}: undocumented status ${entry.status}`)
        continue
      }
      if (!documented && !entry.contentType.includes('json')) continue
      const pointer = reference?.slice(1) ?? (entry.status >= 400 ? '/components/schemas/Problem' : undefined)
      if (!pointer) continue
      const validate = validatorFor(found.document, pointer)
      checked++
      if (!validate(JSON.parse(entry.body))) {
        failures.push(`${entry.method} ${found.template} ${entry.status}: ${ajv.errorsText(validate.errors)}`)
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(50)
  })

  it('covered success, accepted, multi-status and problem statuses', () => {
    expect(new Set(served.map((entry) => entry.status))).toEqual(
      new Set([200, 202, 207, 400, 401, 404, 406, 415, 429, 503]),
    )
  })
})
