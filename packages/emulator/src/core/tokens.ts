import { randomBytes, randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import type { Clock } from './clock.js'

/** The result of checking a bearer token. */
export type TokenCheck =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' }

/** Issues and verifies the emulator's JWT access tokens (HS256, signed with `jose`, key made per run). */
export class TokenIssuer {
  /** How many tokens were issued. */
  issuedCount = 0
  private readonly key = new Uint8Array(randomBytes(32))
  private readonly issued = new Map<string, { issuedAt: number; generation: number }>()
  private generation = 0

  constructor(
    private readonly options: {
      ttlSeconds: number
      issuer: string
      clock: Clock
      lifetimeMs: () => number | undefined
    },
  ) {}

  /** The token lifetime announced in `expires_in`. */
  get ttlSeconds(): number {
    return this.options.ttlSeconds
  }

  /** Signs a new access token for `subject`. */
  async issue(subject: string, claims: Record<string, unknown> = {}): Promise<string> {
    const now = this.options.clock.now()
    const id = randomUUID()
    this.issued.set(id, { issuedAt: now, generation: this.generation })
    this.issuedCount++
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(this.options.issuer)
      .setSubject(subject)
      .setJti(id)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(now / 1000) + this.options.ttlSeconds)
      .sign(this.key)
  }

  /** Checks an `Authorization` header value. */
  async verify(authorization: string | undefined): Promise<TokenCheck> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')
    if (!match?.[1]) return { ok: false, reason: 'missing' }
    const now = this.options.clock.now()
    try {
      const { payload } = await jwtVerify(match[1], this.key, {
        issuer: this.options.issuer,
        currentDate: new Date(now),
        clockTolerance: 0,
      })
      const issued = this.issued.get(payload.jti ?? '')
      if (!issued) return { ok: false, reason: 'invalid' }
      const lifetimeMs = this.options.lifetimeMs()
      if (issued.generation < this.generation) return { ok: false, reason: 'expired' }
      if (lifetimeMs !== undefined && now >= issued.issuedAt + lifetimeMs) return { ok: false, reason: 'expired' }
      return { ok: true, claims: payload as Record<string, unknown> }
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' }
    }
  }

  /** Makes every token issued so far expire now. */
  expireAll(): void {
    this.generation++
  }
}
