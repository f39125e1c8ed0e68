import { describe, expect, it } from 'vitest'
import { B2bkitError, isB2bkitError } from './errors.js'

describe('isB2bkitError', () => {
  it('recognises errors from another copy of the package by their marker', () => {
    const foreign = new Error('from another copy')
    Object.defineProperty(foreign, Symbol.for('b2bkit.error'), { value: true })
    expect(isB2bkitError(foreign)).toBe(true)
    expect(isB2bkitError(new B2bkitError('X', 'ours'))).toBe(true)
  })

  it('rejects plain errors and non-errors', () => {
    expect(isB2bkitError(new Error('plain'))).toBe(false)
    expect(isB2bkitError({ code: 'X' })).toBe(false)
    expect(isB2bkitError(null)).toBe(false)
    expect(isB2bkitError('B2bkitError')).toBe(false)
  })
})
