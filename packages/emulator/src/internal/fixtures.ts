import type { Random } from '../core/random.js'

/** A fixed base time for generated data, so a seed gives the same timestamps whatever the date. */
export const seedEpochMs = Date.parse('2025-03-03T09:00:00.000Z')

/** ISO 8601 date-time for a millisecond timestamp. */
export const isoDateTime = (milliseconds: number): string => new Date(milliseconds).toISOString()

/** ISO 8601 date (no time) for a millisecond timestamp. */
export const isoDate = (milliseconds: number): string => new Date(milliseconds).toISOString().slice(0, 10)

const firstNames = [
  'Billie',
  'Sanne',
  'Daan',
  'Noor',
  'Lucas',
  'Emma',
  'Milan',
  'Julia',
  'Sem',
  'Tess',
  'Finn',
  'Lotte',
]
const surnames = ['Jansen', 'de Vries', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Peters', 'Hendriks']
const streets = ['Dorpstraat', 'Kerkstraat', 'Molenweg', 'Stationsplein', 'Schoolstraat', 'Hoofdstraat']
const cities = ['Utrecht', 'Amsterdam', 'Rotterdam', 'Eindhoven', 'Groningen', 'Antwerpen', 'Gent']
const products = [
  'Stainless Steel Water Bottle 750 ml',
  'Wireless Mouse, Silent Click',
  'Cotton Bath Towel 70x140',
  'LED Desk Lamp with USB Port',
  'Ceramic Coffee Mug Set (4)',
  'Yoga Mat 6 mm, Non-Slip',
  'Bamboo Cutting Board',
  'Kids Puzzle 100 Pieces',
  'Phone Stand, Adjustable',
  'Garden Hose 20 m',
]
const companies = ['Acme Supplies', 'Noord Trading', 'Helder Goods', 'Vandermolen BV', 'Blue Dune Ltd', 'Oak & Iron']

/** A made-up person. */
export function fakePerson(random: Random): { firstName: string; surname: string; email: string } {
  const firstName = random.pick(firstNames)
  const surname = random.pick(surnames)
  const handle = `${firstName}.${surname}`.toLowerCase().replace(/\s+/g, '')
  return { firstName, surname, email: `${handle}.${random.digits(4)}@example.com` }
}

/** A made-up street address. */
export function fakeAddress(random: Random): { street: string; houseNumber: string; zipCode: string; city: string } {
  return {
    street: random.pick(streets),
    houseNumber: String(random.integer(1, 250)),
    zipCode: `${random.integer(1000, 9999)}${String.fromCharCode(random.integer(65, 90), random.integer(65, 90))}`,
    city: random.pick(cities),
  }
}

/** A made-up product title. */
export const fakeProductTitle = (random: Random): string => random.pick(products)

/** A made-up company name. */
export const fakeCompany = (random: Random): string => random.pick(companies)

/** A price between `minimum` and `maximum` with two decimals. */
export const fakePrice = (random: Random, minimum: number, maximum: number): number =>
  Math.round((minimum + random.next() * (maximum - minimum)) * 100) / 100

/** A valid EAN-13 (correct check digit). */
export function fakeEan(random: Random): string {
  const body = `87${random.digits(10)}`
  return body + eanCheckDigit(body)
}

/** The check digit of the first 12 digits of an EAN-13. */
export function eanCheckDigit(first12: string): string {
  const sum = [...first12].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3), 0)
  return String((10 - (sum % 10)) % 10)
}

/** Whether a string is a valid EAN-13. */
export const isValidEan = (ean: string): boolean => /^\d{13}$/.test(ean) && eanCheckDigit(ean.slice(0, 12)) === ean[12]
