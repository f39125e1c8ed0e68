// 429s over a burst of 200 calls (the target is 0), on the emulator with B2Brouter's sliding window at bench speed.
// Run after a build:
// `pnpm --filter @b2bkit/emulator --filter @b2bkit/b2brouter build && node packages/b2brouter/bench/burst.ts`
import { createB2BRouterClient } from '@b2bkit/b2brouter'
import { startEmulator } from '@b2bkit/emulator'

const calls = 200
for (const rule of [
  { limit: 50, intervalMs: 500 },
  { limit: 100, intervalMs: 1_000 },
]) {
  const emulator = await startEmulator('b2brouter', {
    rateLimits: { rules: [{ path: '/**', ...rule }], includeDefaults: false },
  })
  try {
    const client = createB2BRouterClient({
      apiKey: emulator.credentials.apiKey,
      environment: 'staging',
      baseUrl: emulator.url,
      rateLimit: { defaultRule: rule },
    })
    const startedAt = performance.now()
    await Promise.all(Array.from({ length: calls }, () => client.accounts.get(emulator.credentials.accountId)))
    const elapsedMs = Math.round(performance.now() - startedAt)
    const { tooManyRequests, requests } = client.stats()
    // The fastest a client can go without a 429: the first window's budget at once, then `limit` per interval.
    const floorMs = Math.ceil(calls / rule.limit - 1) * rule.intervalMs
    console.log(
      `${calls} calls at ${rule.limit} per ${rule.intervalMs} ms: ${tooManyRequests} × 429 in ${requests} requests, ` +
        `${elapsedMs} ms (no-429 floor ${floorMs} ms)`,
    )
  } finally {
    await emulator.stop()
  }
}
