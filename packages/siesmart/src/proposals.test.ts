import { isPreconditionFailedError } from '@b2bkit/etag'
import { getRequestId } from '@b2bkit/http'
import { isConflictError } from '@b2bkit/problem'
import { type ReceivedRequest, sendJson, startTestServer } from '@b2bkit/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSieSmartClient } from './client.js'
import { proposalInput, type SieSmartTestbed, startTestbed } from './internal/test-support.js'
import type { Proposal, ProposalAsset } from './types.js'

let bed: SieSmartTestbed
beforeAll(async () => {
  bed = await startTestbed()
})
afterAll(() => bed.emulator.stop())

const proposalPath = (id: string) => `/siesmart/b2b/v1/proposals/${id}`
const writesTo = (id: string) =>
  bed.emulator.writes.filter((write) => write.path === proposalPath(id)).map((write) => write.status)

describe('client.proposals', () => {
  it('creates a proposal without If-Match and remembers its ETag for the next change', async () => {
    bed.emulator.clearLogs()
    const proposal = await bed.client.proposals.create(proposalInput('REF-1'))
    expect(proposal).toMatchObject({ introducerReference: 'REF-1', status: 'SUBMITTED' })
    expect(getRequestId(proposal)).toBe(bed.emulator.requests.at(-1)?.requestId)
    const create = bed.emulator.requests.find(
      (request) => request.method === 'POST' && request.path.endsWith('/proposal'),
    )
    expect(create?.headers['if-match']).toBeUndefined()
    // No read in between: the create's ETag is enough for the If-Match the emulator requires.
    await bed.client.proposals.delete(proposal.proposalId)
    expect(bed.emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 204 })
    expect(bed.emulator.requests.at(-1)?.headers['if-match']).toBe(proposal.lastModified)
    expect(bed.emulator.requests.filter((request) => request.method === 'GET')).toHaveLength(0)
  })

  it('gets a proposal, and answers a repeated read from cache on a 304', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-2'))
    const reader = bed.clientWith({})
    const first = await reader.proposals.get(proposalId)
    const second = await reader.proposals.get(proposalId)
    expect(second).toEqual(first)
    const reads = bed.emulator.requests.filter(
      (request) => request.method === 'GET' && request.path === proposalPath(proposalId),
    )
    expect(reads.map((request) => request.status)).toEqual([200, 304])
    expect(reads[1]?.headers['if-none-match']).toBe(first.lastModified)
  })

  it('updates with a read, a change and a write with If-Match', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-3'))
    const updated = await bed.client.proposals.update(proposalId, (current) => ({ ...current, termMonths: 48 }))
    expect(updated).toMatchObject({ proposalId, termMonths: 48 })
    expect(getRequestId(updated)).toBe(bed.emulator.requests.at(-1)?.requestId)
    const write = bed.emulator.requests.at(-1)
    expect(write).toMatchObject({ method: 'PUT', status: 200 })
    expect(write?.headers['if-match']).toBeDefined()
  })

  it('resolves a stale ETag (412) by reading again and re-applying the change', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-4'))
    const other = bed.clientWith({})
    let calls = 0
    const updated = await bed.client.proposals.update(proposalId, async (current) => {
      calls++
      // Someone else writes between this read and this write, the first time round.
      if (calls === 1) await other.proposals.update(proposalId, (theirs) => ({ ...theirs, label: 'theirs' }))
      return { ...current, termMonths: 60 }
    })
    expect(calls).toBe(2)
    expect(updated).toMatchObject({ label: 'theirs', termMonths: 60 })
    expect(writesTo(proposalId)).toEqual([200, 412, 200])
    expect(bed.emulator.state.proposals.get(proposalId)?.fields).toMatchObject({ label: 'theirs', termMonths: 60 })
  })

  it('never loses one of two concurrent updates', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-5'))
    const addAsset = (asset: ProposalAsset) => (current: Proposal) => ({
      ...current,
      assets: [...(current.assets ?? []), asset],
    })
    await Promise.all([
      bed.client.proposals.update(proposalId, addAsset({ description: 'switch', cost: 900 })),
      bed.clientWith({}).proposals.update(proposalId, addAsset({ description: 'router', cost: 1_200 })),
    ])
    const assets = (bed.emulator.state.proposals.get(proposalId)?.fields.assets ?? []) as ProposalAsset[]
    expect(assets.map((asset) => asset.description).sort()).toEqual(['3 servers', 'router', 'switch'])
    expect(writesTo(proposalId).filter((status) => status === 200)).toHaveLength(2)
  })

  it('gives up with PreconditionFailedError after the attempts, showing both versions', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-6'))
    const other = bed.clientWith({})
    const error = await bed.client.proposals
      .update(
        proposalId,
        async (current) => {
          await other.proposals.update(proposalId, (theirs) => ({ ...theirs, label: `theirs-${Date.now()}` }))
          return { ...current, termMonths: 24 }
        },
        { attempts: 2 },
      )
      .catch((caught: unknown) => caught)
    expect(isPreconditionFailedError(error)).toBe(true)
    expect(error).toMatchObject({ status: 412, attempts: 2 })
  })

  it('reads a proposal before deleting it when its ETag is not known yet', async () => {
    const { proposalId } = await bed.client.proposals.create(proposalInput('REF-7'))
    bed.emulator.clearLogs()
    await bed.clientWith({}).proposals.delete(proposalId)
    expect(
      bed.emulator.requests
        .filter((request) => request.path.startsWith('/siesmart'))
        .map((request) => [request.method, request.status]),
    ).toEqual([
      ['GET', 200],
      ['DELETE', 204],
    ])
    expect(bed.emulator.state.proposals.has(proposalId)).toBe(false)
  })

  it('throws a ConflictError for a repeated introducerReference by default', async () => {
    await bed.client.proposals.create(proposalInput('REF-8'))
    const error = await bed.client.proposals.create(proposalInput('REF-8')).catch((caught: unknown) => caught)
    expect(isConflictError(error)).toBe(true)
  })

  it("resolves a repeated create to the existing proposal with ifExists: 'return', creating it once", async () => {
    const first = await bed.client.proposals.create(proposalInput('REF-9'), { ifExists: 'return' })
    const again = await bed.client.proposals.create(proposalInput('REF-9', 1), { ifExists: 'return' })
    expect(again.proposalId).toBe(first.proposalId)
    expect(again.assets).toEqual(first.assets)
    const applied = bed.emulator.writes.filter(
      (write) => write.applied && String(JSON.stringify(write.body)).includes('REF-9'),
    )
    expect(applied).toHaveLength(1)
  })
})

describe('credit decision', () => {
  it('prechecks, then submits with the If-Match of the proposal', async () => {
    // The emulator has neither; a local server answers at the paths this package uses, with SieSmart's bodies.
    const server = await startTestServer((request: ReceivedRequest, response) => {
      const headers = { etag: '2026-11-25T12:00:00.000Z', 'x-b2b-trace-id': 'trace-1' }
      if (request.url.endsWith('/decision/precheck')) {
        const body = { requestAllowed: true, cancelAllowed: true, preconditionViolations: [] }
        return sendJson(response, 200, body, { 'x-b2b-trace-id': 'trace-1' })
      }
      if (request.method === 'GET') return sendJson(response, 200, { proposalId: '7' }, headers)
      return sendJson(response, 200, { proposalId: '7', decision: { decisionStatus: 'PENDING' } }, headers)
    })
    try {
      const client = createSieSmartClient({
        clientId: 'id',
        clientSecret: 'secret',
        environment: 'test',
        baseUrl: `${server.url}/siesmart/b2b`,
        tokenUrl: `${server.url}/oauth/token`,
        rateLimit: false,
        fetch: (input, init) => {
          const request = new Request(input, init)
          // Tokens from a stand-in: this test is about the decision calls.
          if (request.url.endsWith('/oauth/token')) {
            return Promise.resolve(Response.json({ access_token: 'token-1', token_type: 'Bearer', expires_in: 86_400 }))
          }
          return fetch(request)
        },
      })
      const precheck = await client.proposals.precheck('7')
      expect(precheck).toEqual({ requestAllowed: true, cancelAllowed: true, preconditionViolations: [] })
      expect(getRequestId(precheck)).toBe('trace-1')
      const decided = await client.proposals.submit('7', {
        siemensMayContactCustomer: false,
        siemensMayRequestCreditData: false,
        prelease: false,
      })
      expect(decided.decision).toEqual({ decisionStatus: 'PENDING' })
      expect(server.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
        'GET /siesmart/b2b/v1/proposals/7/decision/precheck',
        'GET /siesmart/b2b/v1/proposals/7',
        'POST /siesmart/b2b/v1/proposals/7/decision',
      ])
      expect(server.received[2]?.headers['if-match']).toBe('2026-11-25T12:00:00.000Z')
      expect(JSON.parse(server.received[2]?.body ?? '')).toMatchObject({ prelease: false })
    } finally {
      await server.close()
    }
  })
})
