// Arbitraries for error bodies as the four providers and RFC 9457 write them, well-formed and not, with a secret
// spliced in wherever a server that echoes its request might put it.
import fc from 'fast-check'

/** Any JSON value, or a string, in a member where a string is expected. */
const member = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })

const problemJson = fc.record(
  {
    type: member,
    title: member,
    status: fc.oneof(fc.integer({ min: 100, max: 599 }), member),
    detail: member,
    instance: member,
    violations: fc.oneof(fc.array(fc.record({ name: member, reason: member }), { maxLength: 4 }), member),
    errors: fc.array(fc.record({ pointer: member, detail: member }), { maxLength: 3 }),
    retryable: fc.oneof(fc.boolean(), member),
    host: member,
  },
  { requiredKeys: [] },
)
const b2brouterJson = fc.record({
  error: fc.record(
    { code: member, message: member, type: member, param: member, invoice_id: fc.oneof(fc.nat(), member) },
    { requiredKeys: [] },
  ),
})
const convictionalJson = fc.oneof(
  fc.record({ statusCode: fc.oneof(fc.nat({ max: 599 }), member), message: member }, { requiredKeys: [] }),
  fc.record({ error: fc.oneof(member, fc.array(fc.record({ message: member, field: member }), { maxLength: 3 })) }),
)
const siesmartJson = fc.oneof(
  fc.record(
    {
      code: member,
      userMessage: member,
      message: member,
      traceId: member,
      preconditionViolations: fc.array(fc.record({ code: member, userMessage: member }), { maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  fc.record({ errors: fc.array(fc.record({ code: member, message: member, logref: member }), { maxLength: 3 }) }),
)

/** A JSON error body as text: provider shapes, or any JSON at all. */
export const jsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.oneof(problemJson, b2brouterJson, convictionalJson, siesmartJson).map((body) => JSON.stringify(body)),
  fc.json({ maxDepth: 3 }),
)

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const xmlName = fc.oneof(
  fc.constantFrom('problem', 'title', 'detail', 'type', 'instance', 'status', 'violations', 'violation', 'name'),
  fc.constantFrom('reason', 'p:problem', 'html', '__proto__', 'constructor', 'x-y.z'),
  fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/),
)
const xmlText = fc.oneof(
  fc.string({ maxLength: 40 }).map(escapeXml),
  fc.constantFrom(
    '&#x41;',
    '&#1114111;',
    '&#1114112;',
    '&#xD800;',
    '&unknown;',
    '&amp',
    '<![CDATA[ <x> ]]>',
    '<!-- c -->',
  ),
)
const xmlTree: fc.Arbitrary<string> = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(xmlName, xmlText).map(([name, text]) => `<${name}>${text}</${name}>`),
    fc
      .tuple(xmlName, fc.array(tie('element'), { maxLength: 4 }), fc.constantFrom('', ' a="1"', " b='>'"))
      .map(([name, children, attributes]) => `<${name}${attributes}>${children.join('')}</${name}>`),
  ),
})).element

/** An XML body: generated trees, well-formed problem documents, and hostile documents. */
export const xmlBody: fc.Arbitrary<string> = fc.oneof(
  xmlTree,
  fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>', '\uFEFF'), xmlTree).map(([prolog, tree]) => prolog + tree),
  fc.constantFrom(
    '<!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><problem><title>&b;</title></problem>',
    `${'<a>'.repeat(40)}${'</a>'.repeat(40)}`,
    `<problem>${'<x/>'.repeat(12_000)}<title>many</title></problem>`,
    '<problem><title>unclosed</problem>',
    '<problem><title>a</title></problem><problem/>',
    `<problem><title>${'x'.repeat(70_000)}</title></problem>`,
  ),
  fc.string({ maxLength: 200 }).map((text) => `<${text}`),
)

/** A well-formed problem XML document and the fields it holds. */
export const problemXmlDocument = fc
  .record({
    title: fc.string({ minLength: 1, maxLength: 60 }),
    detail: fc.string({ minLength: 1, maxLength: 60 }),
    violations: fc.array(fc.record({ name: fc.string({ maxLength: 20 }), reason: fc.string({ maxLength: 40 }) }), {
      maxLength: 3,
    }),
    root: fc.constantFrom('problem', 'p:problem', 'Problem'),
  })
  .map((fields) => ({
    fields,
    text:
      `<${fields.root}><title>${escapeXml(fields.title)}</title><detail>${escapeXml(fields.detail)}</detail>` +
      `<violations>${fields.violations
        .map(
          (violation) =>
            `<violation><name>${escapeXml(violation.name)}</name><reason>${escapeXml(violation.reason)}</reason></violation>`,
        )
        .join('')}</violations></${fields.root}>`,
  }))

/** Plain-text and HTML bodies. */
export const textBody: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ maxLength: 60 }).map((title) => `<html><head><title>${title}</title></head><body>oops</body></html>`),
  fc.constantFrom('', ' ', '\n\n', 'x'.repeat(5_000)),
)

/**
 * Splices `secrets` into `body` at positions chosen by `where` (each 0…1, in the body as it came): the way a server
 * that echoes its request leaks them.
 */
export function spliceSecrets(body: string, secrets: readonly string[], where: readonly number[]): string {
  const cuts = secrets
    .map((secret, index) => ({ secret, at: Math.floor((where[index] ?? 0) * body.length) }))
    .sort((left, right) => left.at - right.at)
  let result = ''
  let from = 0
  for (const { secret, at } of cuts) {
    result += body.slice(from, at) + secret
    from = at
  }
  return result + body.slice(from)
}

export { maybe }
