// Token requests SieSmart's client sends under 500 concurrent calls (the target is 1 per token lifetime), and 429s
// over a burst of 200 calls (the target is 0). Run after a build:
// `pnpm --filter @b2bkit/emulator --filter @b2bkit/siesmart build && node packages/siesmart/bench/token-refresh.ts`
import { startEmulator } from '@b2bkit/emulator'
import { createSieSmartClient, type SieSmartClientOptions } from '@b2bkit/siesmart'

const callers = 500
let now = Date.now()
const clock = { now: () => now }
const emulator = await startEmulator('siesmart', { rateLimits: false, clock })
const clientFor = (options: Partial<SieSmartClientOptions>) =>
  createSieSmartClient({
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    environment: 'test',
    baseUrl: emulator.url,
    tokenUrl: emulator.tokenUrl,
    ...options,
  })
const burst = async (call: () => Promise<unknown>, count: number) => {
  const startedAt = performance.now()
  await Promise.all(Array.from({ length: count }, call))
  return Math.round(performance.now() - startedAt)
}

try {
  const client = clientFor({ rateLimit: false, clock })
  const list = () => client.config.offices.list()
  const coldMs = await burst(list, callers)
  console.log(`cold start, ${callers} concurrent calls: ${emulator.tokenRequestCount} token request(s), ${coldMs} ms`)
  now += 86_400_000 - 5_000
  const dayMs = await burst(list, callers)
  console.log(`a day later, ${callers} concurrent calls: ${emulator.tokenRequestCount - 1} more, ${dayMs} ms`)
  emulator.expireTokens()
  const before = emulator.tokenRequestCount
  const expiredMs = await burst(list, callers)
  console.log(
    `token refused (401), ${callers} concurrent calls: ${emulator.tokenRequestCount - before} more, ${expiredMs} ms`,
  )
} finally {
  await emulator.stop()
}

// SieSmart's window shape at bench speed, on the real clock: 50 per 500 ms instead of 100 per minute.
const rule = { limit: 50, intervalMs: 500 }
const limitedEmulator = await startEmulator('siesmart', {
  rateLimits: { rules: [{ path: '/siesmart/**', ...rule }], includeDefaults: false },
})
try {
  const limited = createSieSmartClient({
    ...limitedEmulator.credentials,
    environment: 'test',
    baseUrl: limitedEmulator.url,
    tokenUrl: limitedEmulator.tokenUrl,
    rateLimit: { defaultRule: rule },
  })
  await limited.tokens.getToken()
  const burstMs = await burst(() => limited.config.assets.list(), 200)
  const { tooManyRequests, requests } = limited.stats()
  console.log(
    `burst of 200 calls at ${rule.limit} per ${rule.intervalMs} ms: ${tooManyRequests} × 429 in ${requests} requests, ${burstMs} ms`,
  )
} finally {
  await limitedEmulator.stop()
}
