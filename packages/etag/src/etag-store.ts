import { ConfigurationError } from '@b2bkit/http'

/** What is remembered of one resource version, or of one cached representation. */
export interface EtagEntry {
  /** The ETag exactly as the server sent it: quoted, weak (`W/"…"`) or, as SieSmart sends it, a bare date-time. */
  readonly etag: string
  /** The body of the `200` this ETag came with, to answer a `304` from. Only on representation entries. */
  readonly body?: Uint8Array<ArrayBuffer> | undefined
  /** The `Content-Type` of `body`. */
  readonly contentType?: string | undefined
  /** The `Accept` header of the request `body` answered; a `304` is served from it only for the same `Accept`. */
  readonly accept?: string | undefined
  /** When it was stored, in milliseconds since the epoch. */
  readonly storedAt: number
}

/**
 * Where `etag()` remembers ETags and cached bodies. The in-memory store is the default; implement this to share
 * them between processes. Methods may return promises.
 *
 * @example
 * ```ts
 * const store: EtagStore = {
 *   get: async (key) => decode(await redis.get(`etag:${key}`)),
 *   set: async (key, entry) => void (await redis.set(`etag:${key}`, encode(entry))),
 *   delete: async (key) => void (await redis.del(`etag:${key}`)),
 * }
 * ```
 */
export interface EtagStore {
  /** The entry under `key`, if any. */
  get(key: string): EtagEntry | undefined | Promise<EtagEntry | undefined>
  /** Stores `entry` under `key`, replacing what was there. */
  set(key: string, entry: EtagEntry): void | Promise<void>
  /** Forgets `key`. */
  delete(key: string): void | Promise<void>
}

/** The in-memory store: an `EtagStore` whose methods answer at once. */
export interface MemoryEtagStore extends EtagStore {
  get(key: string): EtagEntry | undefined
  set(key: string, entry: EtagEntry): void
  delete(key: string): void
}

/** Options of `memoryEtagStore()`. */
export interface MemoryEtagStoreOptions {
  /**
   * The most entries kept; the least recently used goes first.
   * @default 1000
   */
  maxEntries?: number | undefined
}

/**
 * An in-memory `EtagStore` that keeps the most recently used `maxEntries` entries. Each `etag()` plugin gets its
 * own unless you pass one, so two clients never share versions by accident.
 *
 * @example
 * ```ts
 * const store = memoryEtagStore({ maxEntries: 10_000 })
 * createClient({ baseUrl, plugins: [etag({ store })] })
 * ```
 */
export function memoryEtagStore(options: MemoryEtagStoreOptions = {}): MemoryEtagStore {
  const { maxEntries = 1000 } = options
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new ConfigurationError('maxEntries', 'must be a whole number of entries, at least 1')
  }
  // A Map iterates in insertion order; re-inserting on every read makes its first key the least recently used.
  const entries = new Map<string, EtagEntry>()
  return {
    get(key) {
      const entry = entries.get(key)
      if (entry !== undefined) {
        entries.delete(key)
        entries.set(key, entry)
      }
      return entry
    },
    set(key, entry) {
      entries.delete(key)
      entries.set(key, entry)
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
    },
    delete(key) {
      entries.delete(key)
    },
  }
}
