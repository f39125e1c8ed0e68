// A local mirror of `B2bkitError` and `ConfigurationError` from `@b2bkit/http`, which is not a dependency of this
// package yet. They carry the same `Symbol.for('b2bkit.error')` marker, so `isB2bkitError()` from `@b2bkit/http`
// recognises them, and the same `code`, `name`, `option` and `toJSON()` shape. Once `@b2bkit/http` is a dependency,
// these two classes become plain re-uses of its own.

const errorMarker = Symbol.for('b2bkit.error')

/** Options every b2bkit error accepts. */
export interface B2bkitErrorOptions {
  /** The error that led to this one (ES2022 `cause`). */
  cause?: unknown
}

/** The base of the errors this package throws; see `B2bkitError` in `@b2bkit/http`. */
export class B2bkitError extends Error {
  override name = 'B2bkitError'
  /** A stable, machine-readable code. */
  readonly code: string

  constructor(code: string, message: string, options: B2bkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    Object.defineProperty(this, errorMarker, { value: true })
  }

  /** A plain, secret-free view of the error for logs and JSON. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message }
  }
}

/** A configuration mistake, thrown when a store is built. The message names the option, never its value. */
export class ConfigurationError extends B2bkitError {
  override name = 'ConfigurationError' as const
  /** The name of the option that is wrong. */
  readonly option: string

  constructor(option: string, message: string) {
    super('CONFIGURATION', `option "${option}": ${message}`)
    this.option = option
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), option: this.option }
  }
}
