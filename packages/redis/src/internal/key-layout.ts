/**
 * Redis keys of the stores. Every key of one token or one rate-limit bucket carries the same `{hash tag}`, so in a
 * Redis Cluster they live in one slot and one script may touch them all
 * (https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/#hash-tags).
 *
 * The tag is the store key with `%`, `{` and `}` percent-encoded, so a key with braces cannot end the tag early, and
 * an empty key (whose `{}` Redis would ignore, hashing each whole key apart) is written `%00`, which no other key
 * encodes to.
 */
export function hashTag(key: string): string {
  if (key === '') return '{%00}'
  return `{${key.replace(/[%{}]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)}}`
}

/** The two keys of a shared token: the token itself and its refresh lock. */
export function tokenKeys(keyPrefix: string, key: string): { token: string; lock: string } {
  const base = `${keyPrefix}token:${hashTag(key)}`
  return { token: base, lock: `${base}:lock` }
}

/** The five keys of a rate-limit bucket, in the order the bucket script takes them. */
export function bucketKeys(keyPrefix: string, key: string): string[] {
  const base = `${keyPrefix}rate:${hashTag(key)}`
  return ['state', 'in-flight', 'started', 'settled', 'expired'].map((part) => `${base}:${part}`)
}
