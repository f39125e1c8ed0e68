/**
 * A tolerant reader of the list and dictionary shapes of RFC 8941 structured fields, enough for the rate-limit
 * fields of the IETF drafts (`"default";r=50;t=30`, `limit=10, remaining=5, reset=30`, `10;w=1`). It never throws:
 * what it cannot read, it leaves out.
 */

/** One member of a list or dictionary: its bare value and its parameters, all as raw strings. */
export interface FieldMember {
  /** The key of a dictionary member (`remaining` in `remaining=5`), or undefined in a list. */
  key: string | undefined
  /** The member's value without quotes (`default`, `50`). */
  value: string
  /** Parameter names (lower case) to raw values; a bare parameter has the value `'?1'`. */
  parameters: Map<string, string>
}

/** Splits `text` on `separator`, except inside double-quoted strings. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '\\' && quoted) {
      current += character + (text[index + 1] ?? '')
      index++
    } else if (character === '"') {
      quoted = !quoted
      current += character
    } else if (character === separator && !quoted) {
      parts.push(current)
      current = ''
    } else {
      current += character
    }
  }
  parts.push(current)
  return parts
}

function unquote(text: string): string {
  const trimmed = text.trim()
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return trimmed
}

/** Reads a list (`a;x=1, b;x=2`) or a dictionary (`a=1, b=2;x=3`) into members. */
export function parseFieldMembers(field: string): FieldMember[] {
  const members: FieldMember[] = []
  for (const rawMember of splitOutsideQuotes(field.slice(0, 4096), ',')) {
    const [head = '', ...rawParameters] = splitOutsideQuotes(rawMember, ';')
    if (head.trim() === '') continue
    const parameters = new Map<string, string>()
    for (const rawParameter of rawParameters) {
      const separator = rawParameter.indexOf('=')
      const name = (separator === -1 ? rawParameter : rawParameter.slice(0, separator)).trim().toLowerCase()
      if (name === '') continue
      parameters.set(name, separator === -1 ? '?1' : unquote(rawParameter.slice(separator + 1)))
    }
    const trimmedHead = head.trim()
    const equals = trimmedHead.startsWith('"') ? -1 : trimmedHead.indexOf('=')
    members.push(
      equals === -1
        ? { key: undefined, value: unquote(trimmedHead), parameters }
        : {
            key: trimmedHead.slice(0, equals).trim().toLowerCase(),
            value: unquote(trimmedHead.slice(equals + 1)),
            parameters,
          },
    )
  }
  return members
}
