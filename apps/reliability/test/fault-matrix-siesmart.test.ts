// The fault matrix for the SieSmart client: 2,000 mixed operations against the SieSmart emulator with 10% 5xx, 2%
// connection resets (half before, half after the write lands), 0–200 ms latency, tokens refused 4 s after issue, a
// 10 s token-endpoint outage mid-run and every token expired once more. Afterwards: no unhandled rejection, every
// failure a typed B2bkitError, no proposal reported created or updated that the emulator did not apply, no
// proposal created twice (a repeat is found by its introducerReference), and no planted or observed secret in any
// error, log line or event.
import { type FaultOptions, startSiesmartEmulator } from '@b2bkit/emulator'
import { getRequestId } from '@b2bkit/http'
import { createSieSmartClient, type Proposal, type ProposalInput } from '@b2bkit/siesmart'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { injected, repeatedWrites, secretSightings, summary, untypedFailures } from './fault-matrix/checks.js'
import { type MatrixResult, type Operation, pick, runMatrix, seededRandom } from './fault-matrix/harness.js'
import { tokenRecordingFetch } from './fault-matrix/secrets-seen.js'
import { plantSecret } from './support/secrets.js'

const operations = 2_000
const faults: FaultOptions = {
  errorRate: 0.1,
  resetRate: 0.02,
  latencyMs: [0, 200],
  timing: 'random',
  tokenLifetimeMs: 4_000,
}
// SieSmart allows 100 a minute per client; the run allows 400 a second, and tells the client so.
const limit = { limit: 400, intervalMs: 1_000 }

const proposalInput = (reference: string): ProposalInput => ({
  introducerReference: reference,
  officeId: 'OFF-1',
  customer: { companyName: 'Acme Ltd', registrationNumber: '01234567' },
  assets: [{ description: '3 servers', cost: 42_000 }],
  termMonths: 36,
})

describe('fault matrix: SieSmart', () => {
  const clientSecret = plantSecret('siesmart-secret-')
  const events: string[] = []
  const recording = tokenRecordingFetch()
  let emulator: Awaited<ReturnType<typeof startSiesmartEmulator>>
  let result: MatrixResult

  beforeAll(async () => {
    emulator = await startSiesmartEmulator({
      seed: 14,
      rateLimits: { rules: [{ path: '/siesmart/**', ...limit }], includeDefaults: false },
      siesmart: { credentials: { clientSecret } },
    })
    const client = createSieSmartClient({
      clientId: emulator.credentials.clientId,
      clientSecret,
      environment: 'test',
      baseUrl: emulator.url,
      tokenUrl: emulator.tokenUrl,
      fetch: recording.fetch,
      rateLimit: { defaultRule: limit, logger: { warn: (message) => events.push(`rate-limit: ${message}`) } },
      onTokenRequest: (event) => events.push(JSON.stringify(event)),
      onDeprecation: (notice) => events.push(JSON.stringify(notice)),
    })
    // Proposals to read and change, made before the faults go on.
    const proposalIds: string[] = []
    for (let index = 0; index < 20; index++) {
      proposalIds.push((await client.proposals.create(proposalInput(`MATRIX-SEED-${index}`))).proposalId)
    }
    const random = seededRandom(14)
    const any = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
    let created = 0
    const operation = (): Operation =>
      pick<() => Operation>(random, [
        [30, () => ({ name: 'proposals.get', write: false, run: () => client.proposals.get(any(proposalIds)) })],
        [10, () => ({ name: 'config.offices.list', write: false, run: () => client.config.offices.list() })],
        [
          30,
          () => {
            const reference = `MATRIX-${++created}`
            return {
              name: 'proposals.create',
              write: true,
              run: async () => {
                const proposal = await client.proposals.create(proposalInput(reference), { ifExists: 'return' })
                proposalIds.push(proposal.proposalId)
                return proposal
              },
            }
          },
        ],
        [
          30,
          () => {
            const id = any(proposalIds)
            const label = `label ${Math.floor(random() * 1_000)}`
            return {
              name: 'proposals.update',
              write: true,
              run: () => client.proposals.update(id, (proposal) => ({ ...proposal, label })),
            }
          },
        ],
      ])()
    emulator.setFaults(faults)
    result = await runMatrix({
      count: operations,
      concurrency: 48,
      operation,
      events: [
        { afterStarted: 400, run: () => emulator.setFaults({ ...faults, tokenOutage: { durationMs: 10_000 } }) },
        { afterStarted: 1_200, run: () => emulator.expireTokens() },
      ],
    })
    emulator.setFaults({})
    console.log(`siesmart: ${summary(result)}`)
  }, 240_000)

  afterAll(() => emulator?.stop())

  it('ran with the faults on: 5xx, resets, the token outage and refused tokens all struck', () => {
    const struck = injected(emulator.requests)
    expect(struck.errors).toBeGreaterThan(100)
    expect(struck.resets).toBeGreaterThan(10)
    expect(struck.tokenOutage).toBeGreaterThan(0)
    expect(struck.unauthorized).toBeGreaterThan(0)
  })

  it('leaves no rejection unhandled', () => {
    expect(result.unhandled.map(String)).toEqual([])
  })

  it('surfaces every failed operation as a typed B2bkitError', () => {
    expect(result.outcomes).toHaveLength(operations)
    expect(untypedFailures(result.outcomes)).toEqual([])
  })

  it('reports no proposal created or updated that the emulator did not apply, and holds no reference twice', () => {
    const appliedByRequest = new Set(emulator.writes.filter((write) => write.applied).map((write) => write.requestId))
    const lost: string[] = []
    for (const outcome of result.outcomes) {
      if (!outcome.ok || !outcome.write) continue
      const proposal = outcome.value as Proposal
      if (outcome.name === 'proposals.create') {
        if (!emulator.state.proposals.has(proposal.proposalId)) lost.push(`create ${proposal.proposalId}`)
        continue
      }
      const requestId = getRequestId(proposal)
      if (requestId === undefined || !appliedByRequest.has(requestId))
        lost.push(`update ${proposal.proposalId} (${requestId})`)
    }
    expect(lost).toEqual([])
    const references = [...emulator.state.proposals.values()].map((proposal) => proposal.fields.introducerReference)
    expect(references.length - new Set(references).size).toBe(0)
  })

  it('creates no proposal twice', () => {
    expect(repeatedWrites(emulator.writes, (write) => write.path === '/siesmart/b2b/v1/proposals/proposal')).toEqual([])
  })

  it('shows no client secret or token in any error, log line or event', () => {
    const secrets = new Map([
      ['client secret', clientSecret],
      ...[...recording.tokens].map((token, index): [string, string] => [`token ${index}`, token]),
    ])
    expect(recording.tokens.size).toBeGreaterThan(1)
    expect(secretSightings(result, secrets, events)).toEqual([])
  })
})
