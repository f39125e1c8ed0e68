/** One element of a parsed XML document: its local name (namespace prefix dropped), children and own text. */
export interface XmlElement {
  readonly name: string
  readonly children: XmlElement[]
  text: string
}

/** Bounds that keep a hostile document from costing more than a small one. */
const maxDepth = 32
const maxElements = 10_000

const namedEntities: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * A small, strict reader for the attribute-free XML that problem bodies use (RFC 9457 appendix B, bol.com's XML
 * flavour): elements, text, CDATA, comments, processing instructions and the five predefined entities plus
 * character references. Attributes are skipped. A document type declaration is refused outright, so no entity
 * can expand. Returns `undefined` for anything that is not one well-formed element tree.
 */
export function parseXml(text: string): XmlElement | undefined {
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let count = 0
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (index < text.length) {
    const open = text.indexOf('<', index)
    const chunk = text.slice(index, open === -1 ? text.length : open)
    const current = stack.at(-1)
    if (current) current.text += decodeEntities(chunk)
    else if (chunk.trim() !== '') return undefined
    if (open === -1) break
    if (text.startsWith('<?', open) || text.startsWith('<!--', open)) {
      const end = text.indexOf(text.startsWith('<?', open) ? '?>' : '-->', open + 2)
      if (end === -1) return undefined
      index = end + (text.startsWith('<?', open) ? 2 : 3)
    } else if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open)
      if (end === -1 || !current) return undefined
      current.text += text.slice(open + 9, end)
      index = end + 3
    } else if (text.startsWith('<!', open)) {
      return undefined // a DOCTYPE or other declaration: refused
    } else if (text.startsWith('</', open)) {
      const end = text.indexOf('>', open)
      if (end === -1 || stack.pop()?.name !== localName(text.slice(open + 2, end).trim())) return undefined
      index = end + 1
    } else {
      const tag = readTag(text, open)
      if (!tag || (root !== undefined && stack.length === 0) || stack.length >= maxDepth || ++count > maxElements) {
        return undefined
      }
      const element: XmlElement = { name: tag.name, children: [], text: '' }
      if (current) current.children.push(element)
      else root = element
      if (!tag.selfClosing) stack.push(element)
      index = tag.end
    }
  }
  return stack.length === 0 ? root : undefined
}

/** The child elements of `element` with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name)
}

/** The text of the first child with this name, when that child has no children of its own. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((candidate) => candidate.name === name)
  return child && child.children.length === 0 ? child.text : undefined
}

function readTag(text: string, open: number): { name: string; end: number; selfClosing: boolean } | undefined {
  const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(text.slice(open + 1, open + 256))
  if (!nameMatch) return undefined
  let index = open + 1 + nameMatch[0].length
  let quote: string | undefined
  for (; index < text.length; index++) {
    const character = text[index]
    if (quote !== undefined) {
      if (character === quote) quote = undefined
    } else if (character === '"' || character === "'") {
      quote = character
    } else if (character === '>') {
      return { name: localName(nameMatch[0]), end: index + 1, selfClosing: text[index - 1] === '/' }
    } else if (character === '<') {
      return undefined
    }
  }
  return undefined
}

function localName(qualifiedName: string): string {
  return qualifiedName.slice(qualifiedName.indexOf(':') + 1)
}

function decodeEntities(chunk: string): string {
  if (!chunk.includes('&')) return chunk
  return chunk.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (match, entity: string) => {
    if (entity.startsWith('#')) {
      const codePoint = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10)
      return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match
    }
    return namedEntities[entity] ?? match
  })
}
