/**
 * Brand markers: a `Symbol.for` key is shared by every copy of b2bkit loaded in one process, so a guard that
 * checks the marker recognises an error thrown by another installed copy, where `instanceof` would not.
 */
export function mark(target: object, marker: symbol): void {
  Object.defineProperty(target, marker, { value: true })
}

/** Whether `value` carries `marker`. */
export function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
}
