import type { RateLimitEvents, RateLimitListener } from '../events.js'

type AnyListener = (event: never) => void

/** A tiny typed emitter. A listener that throws is reported to `onListenerError` and never breaks the limiter. */
export class Emitter {
  readonly #listeners = new Map<keyof RateLimitEvents, Set<AnyListener>>()

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on<Name extends keyof RateLimitEvents>(name: Name, listener: RateLimitListener<Name>): () => void {
    let listeners = this.#listeners.get(name)
    if (listeners === undefined) {
      listeners = new Set()
      this.#listeners.set(name, listeners)
    }
    listeners.add(listener as AnyListener)
    return () => {
      listeners.delete(listener as AnyListener)
    }
  }

  has(name: keyof RateLimitEvents): boolean {
    return (this.#listeners.get(name)?.size ?? 0) > 0
  }

  emit<Name extends keyof RateLimitEvents>(name: Name, event: RateLimitEvents[Name]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        ;(listener as RateLimitListener<Name>)(event)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }
}
