// 429s over a burst of calls (the target is 0) on the emulator with Convictional's fixed 1-second buckets: 40 calls at
// the documented 5 per bucket, 200 at 50 per bucket. The client starts from the documented 5 per second and learns the
// bucket size from X-Rate-Limit-Limit. Run after a build:
// `pnpm --filter @b2bkit/emulator --filter @b2bkit/convictional build && node packages/convictional/bench/burst.ts`
import { createConvictionalClient } from '@b2bkit/convictional'
import { startEmulator } from '@b2bkit/emulator'

const calls = 200
for (const limit of [5, 50]) {
  const rules = [{ path: '/**', limit, intervalMs: 1_000, window: 'fixed' as const }]
  const emulator = await startEmulator('convictional', { rateLimits: { rules, includeDefaults: false } })
  try {
    const client = createConvictionalClient({
      apiKey: emulator.credentials.sellerApiKey,
      baseUrl: emulator.url,
      paths: { seller: 'seller', shared: 'seller' },
    })
    const count = limit === 5 ? 40 : calls
    const startedAt = performance.now()
    await Promise.all(Array.from({ length: count }, () => client.partners.list()))
    const elapsedMs = Math.round(performance.now() - startedAt)
    const { tooManyRequests, requests } = client.stats()
    console.log(
      `${count} calls at ${limit} per 1 s bucket: ${tooManyRequests} × 429 in ${requests} requests, ${elapsedMs} ms`,
    )
  } finally {
    await emulator.stop()
  }
}
