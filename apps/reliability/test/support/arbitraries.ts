// Shared fast-check arbitraries for outside input: header values a server may send, and numbers in the forms
// servers write them.
import fc from 'fast-check'

/** Characters a `Headers` value may hold (a ByteString without NUL, CR or LF; edges are trimmed by fetch). */
const headerCharacter = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.constant(0x09) },
  { weight: 1, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
)

/** Any string a server could put in a header value. */
export const anyHeaderText: fc.Arbitrary<string> = fc
  .array(headerCharacter, { maxLength: 60 })
  .map((codes) => String.fromCharCode(...codes))

/** Numbers as servers write them, well or badly: integers, negatives, decimals, exponents, huge digit runs. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.integer({ min: -100_000, max: -1 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.stringMatching(/^\d{10,400}$/),
  fc.constantFrom('', ' ', '0', '-0', '1e3', '1E400', '0x10', 'NaN', 'Infinity', '-Infinity', '12abc', '1,5', '³'),
)

/** A header value: mostly number-like, sometimes anything at all. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: numberText },
  { weight: 2, arbitrary: anyHeaderText },
)
