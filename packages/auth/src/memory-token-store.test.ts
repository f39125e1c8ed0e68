import { describe, expect, it } from 'vitest'
import { memoryTokenStore } from './memory-token-store.js'
import type { StoredToken } from './token-store.js'

const token = (accessToken: string): StoredToken => ({
  accessToken,
  tokenType: 'Bearer',
  issuedAt: 1_000,
  expiresAt: 301_000,
})

describe('memoryTokenStore', () => {
  it('keeps one token per key and hands back a copy', async () => {
    const store = memoryTokenStore()
    await store.set('a', token('one'), 301_000)
    await store.set('b', token('two'), 301_000)
    const read = await store.get('a')
    expect(read).toEqual(token('one'))
    if (read) read.accessToken = 'changed'
    expect((await store.get('a'))?.accessToken).toBe('one')
    expect((await store.get('b'))?.accessToken).toBe('two')
    expect(await store.get('c')).toBeUndefined()
  })

  it('deletes only the named token when one is given', async () => {
    const store = memoryTokenStore()
    await store.set('a', token('new'), 301_000)
    await store.delete('a', 'old')
    expect((await store.get('a'))?.accessToken).toBe('new')
    await store.delete('a', 'new')
    expect(await store.get('a')).toBeUndefined()
    await store.set('a', token('any'), 301_000)
    await store.delete('a')
    expect(await store.get('a')).toBeUndefined()
  })

  it('gives the lock to one holder at a time until release or the end of the lease', async () => {
    let now = 0
    const store = memoryTokenStore({ clock: () => now })
    const release = await store.lock?.('a', 1_000)
    expect(release).toBeTypeOf('function')
    expect(await store.lock?.('a', 1_000)).toBeNull()
    expect(await store.lock?.('b', 1_000)).toBeTypeOf('function')
    await release?.()
    const second = await store.lock?.('a', 1_000)
    expect(second).toBeTypeOf('function')
    now += 1_000
    const third = await store.lock?.('a', 1_000)
    expect(third).toBeTypeOf('function')
    await second?.() // a stale holder's release does not free the new holder's lock
    expect(await store.lock?.('a', 1_000)).toBeNull()
  })

  it('wakes every waiter when a token is stored, and times out otherwise', async () => {
    const store = memoryTokenStore()
    const waiting = [store.waitForToken?.('a', 5_000), store.waitForToken?.('a', 5_000)]
    await store.set('a', token('fresh'), 301_000)
    expect((await Promise.all(waiting)).map((stored) => stored?.accessToken)).toEqual(['fresh', 'fresh'])
    expect(await store.waitForToken?.('a', 10)).toBeUndefined()
  })
})
