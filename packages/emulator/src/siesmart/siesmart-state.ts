import type { Random } from '../core/random.js'
import { fakePerson } from '../internal/fixtures.js'

/** A finance proposal an introducer (broker or vendor) submitted. */
export interface SiesmartProposal {
  proposalId: string
  /** The proposal's fields as last written (customer, assets, finance terms, ...). */
  fields: Record<string, unknown>
  status: 'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED' | 'DECLINED'
  createdAt: string
  /** Last change, ISO 8601 with milliseconds: also the proposal's `ETag`. */
  lastModified: string
}

/** Configuration the introducer chooses from when filling in a proposal. */
export interface SiesmartConfig {
  offices: Array<{ id: string; name: string; city: string }>
  salesContacts: Array<{ id: string; name: string; email: string; officeId: string }>
  assets: Array<{ id: string; category: string; description: string }>
  pricelists: Array<{ id: string; name: string; termsMonths: number[]; ratePercent: number }>
}

/** Everything the SieSmart emulator knows. */
export interface SiesmartState {
  proposals: Map<string, SiesmartProposal>
  config: SiesmartConfig
  sequences: { proposal: number }
}

/** Seeds the configuration lists (offices, sales contacts, asset types, pricelists). */
export function seedSiesmartState(random: Random): SiesmartState {
  const offices = ['Manchester', 'Reading', 'Madrid', 'Munich'].map((city, index) => ({
    id: `OFF-${index + 1}`,
    name: `SFS ${city}`,
    city,
  }))
  return {
    proposals: new Map(),
    sequences: { proposal: 7_000_000 },
    config: {
      offices,
      salesContacts: offices.map((office, index) => {
        const person = fakePerson(random)
        return {
          id: `SC-${index + 1}`,
          name: `${person.firstName} ${person.surname}`,
          email: person.email,
          officeId: office.id,
        }
      }),
      assets: [
        { id: 'AST-IT', category: 'IT', description: 'Servers, laptops and networking equipment' },
        { id: 'AST-MED', category: 'MEDICAL', description: 'Medical imaging and diagnostics' },
        { id: 'AST-IND', category: 'INDUSTRIAL', description: 'Machine tools and automation' },
      ],
      pricelists: [
        { id: 'PL-STD', name: 'Standard lease', termsMonths: [24, 36, 48, 60], ratePercent: 6.9 },
        { id: 'PL-PROMO', name: 'Vendor promotion', termsMonths: [36], ratePercent: 3.9 },
      ],
    },
  }
}
