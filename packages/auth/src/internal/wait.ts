/**
 * Waits `milliseconds`. With `keepAlive: false` the timer does not hold a Node process open (where timers have
 * `unref`), for waits nobody is blocked on, such as a background refresh.
 */
export function sleep(milliseconds: number, options: { keepAlive: boolean }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds)
    if (!options.keepAlive) unrefTimer(timer)
  })
}

/** Lets a Node process exit while `timer` is pending; a no-op on runtimes whose timers are plain numbers. */
export function unrefTimer(timer: unknown): void {
  const handle = timer as { unref?: () => void }
  if (typeof handle === 'object' && handle !== null && typeof handle.unref === 'function') handle.unref()
}

/** `promise`, or a rejection with the signal's reason as soon as `signal` aborts, whichever comes first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
