/**
 * A small seeded pseudo-random generator, so every emulator run with the same `seed` produces the same data
 * and the same fault decisions for the same sequence of requests.
 */
export interface Random {
  /** A number in `[0, 1)`. */
  next(): number
  /** An integer in `[minimum, maximum]`, both ends included. */
  integer(minimum: number, maximum: number): number
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** A string of `length` decimal digits (the first one is never 0). */
  digits(length: number): string
  /** A version-4-shaped UUID made from this generator, not from the operating system. */
  uuid(): string
}

/** Creates a {@link Random} from a 32-bit seed (mulberry32). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
  const integer = (minimum: number, maximum: number): number => minimum + Math.floor(next() * (maximum - minimum + 1))
  const hex = (length: number): string => Array.from({ length }, () => integer(0, 15).toString(16)).join('')
  return {
    next,
    integer,
    pick: <T>(items: readonly T[]): T => items[integer(0, items.length - 1)] as T,
    digits: (length) => String(integer(1, 9)) + Array.from({ length: length - 1 }, () => integer(0, 9)).join(''),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[integer(0, 3)]}${hex(3)}-${hex(12)}`,
  }
}

/** Derives an independent seed for one use (data, faults) from the run's seed, so they don't disturb each other. */
export function deriveSeed(seed: number, purpose: string): number {
  let hash = seed >>> 0
  for (const character of purpose) hash = Math.imul(hash ^ character.charCodeAt(0), 0x01000193) >>> 0
  return hash
}
