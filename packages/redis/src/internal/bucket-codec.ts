import type { BucketSnapshot, SlotReport, SlotResult, ThrottleReason } from '@b2bkit/rate-limit'

/** Script arguments and answers of the bucket script: numbers as strings, '' for undefined. */

export function encode(value: number | undefined): string {
  return value === undefined ? '' : String(value)
}

/** The settle-specific arguments of a report (ARGV 8–13, after the slot id). */
export function encodeReport(report: SlotReport): string[] {
  const { budget } = report
  return [
    budget === undefined ? '' : budget.present ? '1' : '0',
    encode(budget?.limit),
    encode(budget?.remaining),
    encode(budget?.resetAt),
    encode(budget?.windowMs),
    encode(report.pauseUntil),
  ]
}

class UnreadableReply extends Error {
  override name = 'UnreadableReply'
}

function decode(value: unknown): number | undefined {
  if (value === '' || value === null) return undefined
  const parsed = Number(value)
  if (typeof value !== 'string' || !Number.isFinite(parsed)) throw new UnreadableReply('a bucket field is not a number')
  return parsed
}

function fieldsOf(reply: unknown, length: number): unknown[] {
  if (!Array.isArray(reply) || reply.length !== length) throw new UnreadableReply('the bucket script answered oddly')
  return reply
}

/** A snapshot from the six fields starting at `start`. */
export function decodeSnapshot(reply: unknown, start = 0): BucketSnapshot {
  const fields = start === 0 ? fieldsOf(reply, 6) : (reply as unknown[])
  return {
    limit: decode(fields[start]),
    intervalMs: decode(fields[start + 1]),
    remaining: decode(fields[start + 2]),
    resetAt: decode(fields[start + 3]),
    inFlight: decode(fields[start + 4]) ?? 0,
    pausedUntil: decode(fields[start + 5]),
  }
}

const reasons: readonly string[] = ['budget', 'paused', 'probe'] satisfies ThrottleReason[]

export function decodeAcquire(reply: unknown): SlotResult {
  if (Array.isArray(reply) && reply[0] === '1') {
    const fields = fieldsOf(reply, 8)
    if (typeof fields[1] !== 'string') throw new UnreadableReply('the slot id is missing')
    return { granted: true, slotId: fields[1], snapshot: decodeSnapshot(fields, 2) }
  }
  const fields = fieldsOf(reply, 9)
  const reason = fields[1]
  if (fields[0] !== '0' || typeof reason !== 'string' || !reasons.includes(reason)) {
    throw new UnreadableReply('the bucket script answered oddly')
  }
  return {
    granted: false,
    reason: reason as ThrottleReason,
    waitMs: decode(fields[2]) ?? 1,
    snapshot: decodeSnapshot(fields, 3),
  }
}
