import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { clusterSlot } from '../test-support/cluster-slot.js'
import { bucketKeys, hashTag, tokenKeys } from './key-layout.js'

// Store keys built from the characters that matter to hash tags and their encoding, plus some others.
const storeKey = fc
  .array(fc.constantFrom('{', '}', '%', '7', 'B', 'D', '2', '5', '0', 'a', ' ', '/', 'é', '😀'), { maxLength: 12 })
  .map((characters) => characters.join(''))

describe('the key layout', () => {
  test('computes cluster slots as the Redis Cluster specification does', () => {
    // The specification's own check value, and its examples of keys that share a slot through their hash tag.
    expect(clusterSlot('123456789')).toBe(0x31c3)
    expect(clusterSlot('{user1000}.following')).toBe(clusterSlot('{user1000}.followers'))
    expect(clusterSlot('foo{}{bar}')).toBe(clusterSlot('foo{}{bar}'))
    expect(clusterSlot('foo{}{bar}')).not.toBe(clusterSlot('{bar}'))
  })

  test('names the token and lock keys readably, under the prefix', () => {
    expect(tokenKeys('b2bkit:', 'https://login.bol.com/token client')).toEqual({
      token: 'b2bkit:token:{https://login.bol.com/token client}',
      lock: 'b2bkit:token:{https://login.bol.com/token client}:lock',
    })
    expect(bucketKeys('shop:', 'GET /retailer/orders')).toEqual([
      'shop:rate:{GET /retailer/orders}:state',
      'shop:rate:{GET /retailer/orders}:in-flight',
      'shop:rate:{GET /retailer/orders}:started',
      'shop:rate:{GET /retailer/orders}:settled',
      'shop:rate:{GET /retailer/orders}:expired',
    ])
  })

  test('puts all keys of one token or one bucket in one cluster slot, whatever the store key', () => {
    fc.assert(
      fc.property(
        storeKey,
        storeKey.map((text) => text.replace(/[{}]/g, '')),
        (key, keyPrefix) => {
          const token = tokenKeys(keyPrefix, key)
          expect(clusterSlot(token.lock)).toBe(clusterSlot(token.token))
          const bucket = bucketKeys(keyPrefix, key)
          for (const other of bucket) expect(clusterSlot(other)).toBe(clusterSlot(bucket[0] ?? ''))
        },
      ),
    )
  })

  test('spreads different buckets over the cluster rather than piling them into one slot', () => {
    const slots = new Set(
      ['GET /a', 'GET /b', 'PUT /c', 'default', 'GET /retailer/orders'].map((key) =>
        clusterSlot(bucketKeys('b2bkit:', key)[0] ?? ''),
      ),
    )
    expect(slots.size).toBe(5)
  })

  test('keeps distinct store keys apart, even those that differ only in braces or percent signs', () => {
    fc.assert(
      fc.property(storeKey, storeKey, (first, second) => {
        fc.pre(first !== second)
        expect(hashTag(first)).not.toBe(hashTag(second))
      }),
    )
    expect(hashTag('')).toBe('{%00}')
    expect(hashTag('a}b{c%')).toBe('{a%7Db%7Bc%25}')
  })
})
