/**
 * The token endpoint's clock as seen from here: the local clock plus an offset learned from the endpoint's `Date`
 * header. Expiry times (a JWT `exp`) are on the endpoint's clock, so comparing them with a wrong local clock would
 * use expired tokens (clock behind) or refresh on every call (clock ahead).
 */
export interface ServerClock {
  /** The injected local clock, epoch ms. */
  local(): number
  /** The endpoint's time now, estimated on the late side: a token is never thought to live longer than it does. */
  now(): number
  /** Converts a local time to the endpoint's clock. */
  toServer(localTime: number): number
  /** Converts an endpoint time to the local clock. */
  toLocal(serverTime: number): number
  /** Learns the offset from a response's `Date` header and when its request was sent (local clock). */
  observe(dateHeader: string | null, requestSentAt: number): void
}

// `Date` has one-second resolution (RFC 9110 §5.6.7): the endpoint's true time was up to 999 ms later.
const dateResolutionMs = 1000

/** A server clock over `clock`, starting with no offset (the local clock is trusted until a `Date` arrives). */
export function createServerClock(clock: () => number): ServerClock {
  let offsetMs = 0
  return {
    local: clock,
    now: () => clock() + offsetMs,
    toServer: (localTime) => localTime + offsetMs,
    toLocal: (serverTime) => serverTime - offsetMs,
    observe(dateHeader, requestSentAt) {
      const serverDate = dateHeader === null ? Number.NaN : Date.parse(dateHeader)
      if (!Number.isFinite(serverDate)) return
      // The latest the endpoint's clock can have read, against the earliest the local clock can have read: the
      // estimate errs by at most the round trip plus one second, always towards refreshing early.
      offsetMs = serverDate + dateResolutionMs - requestSentAt
    },
  }
}
