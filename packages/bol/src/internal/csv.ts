import { BolResponseError } from '../errors.js'

/**
 * Parses CSV as RFC 4180 writes it: comma-separated cells, records ended by CRLF, LF or CR, cells in double quotes
 * when they hold a comma, a quote (doubled) or a line break. A leading byte order mark is dropped, and so are
 * empty lines. Lenient where the RFC is silent: a quote inside an unquoted cell, or text after a closing quote,
 * is kept as text. A quoted cell that never closes throws `BolResponseError`, since the file was cut off.
 *
 * @example
 * ```ts
 * parseCsv('a,b\n"x, y","say ""hi"""\n') // [['a', 'b'], ['x, y', 'say "hi"']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  let atCellStart = true
  let lineHasText = false
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text

  const endRecord = () => {
    if (lineHasText) records.push([...record, cell])
    record = []
    cell = ''
    atCellStart = true
    lineHasText = false
  }

  for (let index = 0; index < input.length; index++) {
    const character = input[index] as string
    if (quoted) {
      if (character !== '"') cell += character
      else if (input[index + 1] === '"') {
        cell += '"'
        index++
      } else quoted = false
    } else if (character === '"' && atCellStart) {
      quoted = true
      atCellStart = false
      lineHasText = true
    } else if (character === ',') {
      record.push(cell)
      cell = ''
      atCellStart = true
      lineHasText = true
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && input[index + 1] === '\n') index++
      endRecord()
    } else {
      cell += character
      atCellStart = false
      lineHasText = true
    }
  }
  if (quoted) throw new BolResponseError('the CSV ends inside a quoted cell: the file was cut off')
  endRecord()
  return records
}

/** Turns CSV records into objects keyed by the first record (the header); missing cells are `''`. */
export function csvRows(records: readonly (readonly string[])[]): Array<Readonly<Record<string, string>>> {
  const [header, ...body] = records
  if (header === undefined) return []
  return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])))
}
