import { afterEach, describe, expect, it, vi } from 'vitest'
import { sendJson, tokenNumber } from './internal/test-servers.js'
import { type SetupOptions, setupSource, start } from './internal/test-token-source.js'
import { memoryTokenStore } from './memory-token-store.js'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

async function setup(options: SetupOptions = {}) {
  const source = await setupSource(options)
  closers.push(source.server.close)
  return source
}

/** A five-minute token, as another process would have stored it. */
const storedToken = (accessToken: string) => ({
  accessToken,
  tokenType: 'Bearer',
  issuedAt: start,
  expiresAt: start + 300_000,
})

/** A gate a test server request can wait at until the test opens it. */
function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

// With a 300 s token: background refresh starts about 30 s before expiry, blocking about 10 s before.
describe('two-tier refresh', () => {
  it('refreshes in the background before expiry while callers keep getting the current token at once', async () => {
    const second = gate()
    const { tokens, server, events, advance } = await setup({
      before: async (index) => {
        if (index === 2) await second.opened
      },
    })
    const first = await tokens.getToken()
    advance(275_000)
    // The second token request is held at the server, yet callers are answered with the current token.
    expect(await tokens.getToken()).toBe(first)
    await vi.waitFor(() => expect(server.seen).toHaveLength(2))
    expect(await Promise.all([tokens.getToken(), tokens.getToken()])).toEqual([first, first])
    second.open()
    await vi.waitFor(async () => expect(tokenNumber(await tokens.getToken())).toBe(2))
    expect(server.seen).toHaveLength(2)
    expect(events.map((event) => event.reason)).toEqual(['initial', 'background'])
  })

  it('blocks callers for a new token when the current one is about to expire', async () => {
    const { tokens, server, events, advance } = await setup()
    await tokens.getToken()
    advance(295_000)
    const tokensNow = await Promise.all(Array.from({ length: 100 }, () => tokens.getToken()))
    expect(tokensNow.map(tokenNumber)).toEqual(Array(100).fill(2))
    expect(server.seen).toHaveLength(2)
    expect(events.map((event) => event.reason)).toEqual(['initial', 'expired'])
  })

  it('honours refreshBeforeExpiryMs and expiryMarginMs', async () => {
    const { tokens, server, advance } = await setup({ options: { refreshBeforeExpiryMs: 120_000, expiryMarginMs: 0 } })
    await tokens.getToken()
    advance(170_000)
    await tokens.getToken()
    expect(server.seen).toHaveLength(1)
    advance(15_000) // 185 s: inside the 120 s window
    expect(tokenNumber(await tokens.getToken())).toBe(1)
    await vi.waitFor(async () => expect(tokenNumber(await tokens.getToken())).toBe(2))
  })

  it('keeps the current token after a failed background refresh and waits before asking again', async () => {
    const { tokens, server, events, advance } = await setup({
      before: (index, _request, response) => {
        if (index === 2) sendJson(response, 400, { error: 'invalid_request' })
      },
    })
    const first = await tokens.getToken()
    advance(275_000)
    expect(await tokens.getToken()).toBe(first)
    await vi.waitFor(() => expect(events).toHaveLength(2))
    expect(events[1]).toMatchObject({ reason: 'background', ok: false, error: { code: 'AUTH_REJECTED', status: 400 } })
    advance(1_000)
    expect(await tokens.getToken()).toBe(first)
    expect(server.seen).toHaveLength(2)
    advance(5_000)
    expect(await tokens.getToken()).toBe(first)
    // The endpoint numbers only the tokens it issues: the third request brings token 2.
    await vi.waitFor(async () => expect(tokenNumber(await tokens.getToken())).toBe(2))
    expect(server.seen).toHaveLength(3)
  })
})

describe('clock skew', () => {
  const hour = 3_600_000

  it('neither refreshes on every call nor fails when the local clock runs an hour ahead', async () => {
    const { tokens, server, advance } = await setup({ serverClockOffsetMs: -hour })
    const first = await tokens.getToken()
    for (let step = 0; step < 5; step++) {
      advance(50_000)
      expect(await tokens.getToken()).toBe(first)
    }
    expect(server.seen).toHaveLength(1)
    advance(45_000) // 295 s on the endpoint's clock too
    expect(tokenNumber(await tokens.getToken())).toBe(2)
  })

  it('does not use an expired token when the local clock runs an hour behind', async () => {
    const { tokens, server, advance } = await setup({ serverClockOffsetMs: hour })
    await tokens.getToken()
    advance(295_000)
    expect(tokenNumber(await tokens.getToken())).toBe(2)
    expect(server.seen).toHaveLength(2)
  })
})

describe('invalidate', () => {
  it('makes the next getToken() fetch a new token', async () => {
    const { tokens, events } = await setup()
    const first = await tokens.getToken()
    await tokens.invalidate(first)
    expect(tokenNumber(await tokens.getToken())).toBe(2)
    expect(events.map((event) => event.reason)).toEqual(['initial', 'invalidated'])
  })

  it('ignores a token that was already replaced, so many 401s with one token share one refresh', async () => {
    const { tokens, server } = await setup()
    const first = await tokens.getToken()
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        await tokens.invalidate(first)
        return tokens.getToken()
      }),
    )
    await tokens.invalidate(first)
    expect(tokenNumber(await tokens.getToken())).toBe(2)
    expect(server.seen).toHaveLength(2)
  })
})

describe('token store', () => {
  it('lets sources on one store share one token and one token request', async () => {
    const store = memoryTokenStore()
    const { tokens: first, server } = await setup({ options: { store } })
    const sameKey = { store, tokenUrl: `${server.url}/token` }
    const { tokens: second } = await setup({ options: sameKey })
    const { tokens: third } = await setup({ options: sameKey })
    const { tokens: otherKey } = await setup({ options: { ...sameKey, storeKey: 'another-scope' } })
    const [a, b, c] = await Promise.all([first.getToken(), second.getToken(), third.getToken()])
    expect(new Set([a, b, c]).size).toBe(1)
    expect(tokenNumber(await otherKey.getToken())).toBe(2)
    expect(server.seen).toHaveLength(2)
  })

  it('waits for the holder of the store lock instead of sending a second token request', async () => {
    const store = memoryTokenStore()
    const { tokens, server } = await setup({ options: { store, storeKey: 'k' } })
    const release = await store.lock?.('k', 30_000)
    const waiting = tokens.getToken()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await store.set('k', storedToken('from-another-process'), start + 300_000)
    expect(await waiting).toBe('from-another-process')
    expect(server.seen).toHaveLength(0)
    await release?.()
  })

  it('sends its own token request when the lock holder never stores a token', async () => {
    const store = memoryTokenStore()
    const { tokens, server } = await setup({ options: { store, storeKey: 'k', lockLeaseMs: 50 } })
    await store.lock?.('k', 60_000) // held, and never released
    expect(tokenNumber(await tokens.getToken())).toBe(1)
    expect(server.seen).toHaveLength(1)
  })

  it('polls a store that has a lock but no waitForToken', async () => {
    const memory = memoryTokenStore()
    const { waitForToken: _, ...store } = memory
    const { tokens, server } = await setup({ options: { store, storeKey: 'k' } })
    const release = await store.lock?.('k', 30_000)
    const waiting = tokens.getToken()
    await store.set('k', storedToken('polled'), start + 300_000)
    // The lock is still held: only polling can have found the token.
    expect(await waiting).toBe('polled')
    expect(server.seen).toHaveLength(0)
    await release?.()
  })
})

describe('getToken signal', () => {
  it('stops one caller waiting without cancelling the token request the others share', async () => {
    const held = gate()
    const { tokens, server } = await setup({
      before: async () => {
        await held.opened
      },
    })
    const controller = new AbortController()
    const aborted = tokens.getToken({ signal: controller.signal })
    const patient = tokens.getToken()
    await vi.waitFor(() => expect(server.seen).toHaveLength(1))
    controller.abort(new Error('user went away'))
    await expect(aborted).rejects.toThrow('user went away')
    held.open()
    expect(tokenNumber(await patient)).toBe(1)
    expect(server.seen).toHaveLength(1)
  })
})
