import { childrenNamed, childText, parseXml, type XmlElement } from '../internal/xml.js'
import type { Violation } from '../problem-error.js'
import type { ProblemParser } from '../problem-source.js'

const standardMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'violations'])

/**
 * Problem details in XML, whatever the root element is called: RFC 9457 appendix B (`<problem
 * xmlns="urn:ietf:rfc:7807">`) and bol.com's XML flavour of its problems. Attribute-free elements named `type`,
 * `title`, `detail`, `instance` map to the fields; `violations` may hold `<violation><name/><reason/></violation>`
 * entries or be repeated with `<name/><reason/>` inside; other leaf elements become `extensions`. An HTML page is
 * not a problem and is left to the plain-text parser.
 *
 * @example
 * ```ts
 * // <problem><title>Not Found</title><status>404</status><detail>Order 123 not found</detail></problem>
 * ```
 */
export const problemXmlParser: ProblemParser = ({ text, json }) => {
  if (json !== undefined || text === undefined || !/^\uFEFF?\s*</.test(text)) return undefined
  const root = parseXml(text)
  if (!root || root.name.toLowerCase() === 'html') return undefined
  const title = childText(root, 'title')
  const detail = childText(root, 'detail')
  const type = childText(root, 'type')
  if (title === undefined && detail === undefined && type === undefined) return undefined
  const extensions: Record<string, unknown> = {}
  for (const child of root.children) {
    if (!standardMembers.has(child.name) && child.children.length === 0) extensions[child.name] = child.text
  }
  return {
    type: nonEmpty(type),
    title: nonEmpty(title),
    detail: nonEmpty(detail),
    instance: nonEmpty(childText(root, 'instance')),
    violations: childrenNamed(root, 'violations').flatMap(violationsIn),
    extensions,
  }
}

function violationsIn(element: XmlElement): Violation[] {
  const own = violationOf(element)
  if (own) return [own]
  return element.children.map(violationOf).filter((violation) => violation !== undefined)
}

function violationOf(element: XmlElement): Violation | undefined {
  const name = childText(element, 'name')
  const reason = childText(element, 'reason')
  return name === undefined && reason === undefined ? undefined : { name: name ?? '', reason: reason ?? '' }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === '' ? undefined : value
}
