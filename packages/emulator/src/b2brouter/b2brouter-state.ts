import type { Random } from '../core/random.js'
import type { WebhookDelivery } from '../core/webhook-sender.js'
import {
  fakeAddress,
  fakeCompany,
  fakePerson,
  fakePrice,
  isoDate,
  isoDateTime,
  seedEpochMs,
} from '../internal/fixtures.js'

/** A B2Brouter account (a company that sends and receives invoices). */
export interface B2BrouterAccount {
  id: number
  name: string
  tin_value: string
  tin_scheme: string
  country: string
  address: string
  city: string
  postalcode: string
  email: string
  created_at: string
}

/** A contact (a customer or supplier of an account). */
export interface B2BrouterContact {
  id: number
  account_id: number
  name: string
  tin_value: string
  country: string
  email: string
  address: string
  city: string
  postalcode: string
  created_at: string
}

/** One invoice line. */
export interface B2BrouterInvoiceLine {
  description: string
  quantity: number
  price: number
  taxes: Array<{ name: string; category: string; percent: number }>
}

/** An issued invoice. */
export interface B2BrouterInvoice {
  id: number
  account_id: number
  number: string
  date: string
  due_date: string
  currency: string
  state: string
  contact_id: number | undefined
  contact_name: string
  lines: B2BrouterInvoiceLine[]
  created_at: string
  updated_at: string
}

/** A registered webhook: B2Brouter posts signed events to `url`. */
export interface B2BrouterWebhook {
  id: number
  account_id: number
  url: string
  events: string[]
  /** The HMAC-SHA256 key of `X-B2Brouter-Signature`. */
  signature_key: string
}

/** Everything the B2Brouter emulator knows. */
export interface B2BrouterState {
  environment: 'staging' | 'production'
  accounts: Map<number, B2BrouterAccount>
  contacts: Map<number, B2BrouterContact>
  invoices: Map<number, B2BrouterInvoice>
  webhooks: Map<number, B2BrouterWebhook>
  /** Webhook deliveries, in the order sent. */
  webhookDeliveries: WebhookDelivery[]
  sequences: { account: number; contact: number; invoice: number; webhook: number; event: number }
}

/** How much data the B2Brouter emulator starts with. */
export interface B2BrouterSeedOptions {
  /** Contacts of the demo account. @default 5 */
  contacts?: number
  /** Invoices already issued by the demo account. @default 3 */
  invoices?: number
}

/** Seeds one demo account with contacts and invoices. */
export function seedB2BrouterState(
  random: Random,
  environment: 'staging' | 'production',
  options: B2BrouterSeedOptions,
): B2BrouterState {
  const state: B2BrouterState = {
    environment,
    accounts: new Map(),
    contacts: new Map(),
    invoices: new Map(),
    webhooks: new Map(),
    webhookDeliveries: [],
    sequences: { account: 100_000, contact: 200_000, invoice: 300_000, webhook: 0, event: 0 },
  }
  const place = fakeAddress(random)
  const account: B2BrouterAccount = {
    id: ++state.sequences.account,
    name: 'b2bkit Demo Shop BV',
    tin_value: `NL${random.digits(9)}B01`,
    tin_scheme: '9944',
    country: 'nl',
    address: `${place.street} ${place.houseNumber}`,
    city: place.city,
    postalcode: place.zipCode,
    email: 'billing@demo-shop.example.com',
    created_at: isoDateTime(seedEpochMs),
  }
  state.accounts.set(account.id, account)
  for (let index = 0; index < (options.contacts ?? 5); index++) {
    const address = fakeAddress(random)
    const contact: B2BrouterContact = {
      id: ++state.sequences.contact,
      account_id: account.id,
      name: `${fakeCompany(random)} ${index + 1}`,
      tin_value: `NL${random.digits(9)}B01`,
      country: 'nl',
      email: fakePerson(random).email,
      address: `${address.street} ${address.houseNumber}`,
      city: address.city,
      postalcode: address.zipCode,
      created_at: isoDateTime(seedEpochMs),
    }
    state.contacts.set(contact.id, contact)
  }
  const contacts = [...state.contacts.values()]
  for (let index = 0; index < (options.invoices ?? 3); index++) {
    const contact = contacts.length > 0 ? random.pick(contacts) : undefined
    const issued = seedEpochMs - (index + 1) * 86_400_000
    const invoice: B2BrouterInvoice = {
      id: ++state.sequences.invoice,
      account_id: account.id,
      number: `SEED-${String(index + 1).padStart(4, '0')}`,
      date: isoDate(issued),
      due_date: isoDate(issued + 30 * 86_400_000),
      currency: 'EUR',
      state: 'sent',
      contact_id: contact?.id,
      contact_name: contact?.name ?? 'Unknown',
      lines: [
        {
          description: 'Consulting',
          quantity: random.integer(1, 10),
          price: fakePrice(random, 20, 150),
          taxes: [{ name: 'VAT', category: 'S', percent: 21 }],
        },
      ],
      created_at: isoDateTime(issued),
      updated_at: isoDateTime(issued),
    }
    state.invoices.set(invoice.id, invoice)
  }
  return state
}
