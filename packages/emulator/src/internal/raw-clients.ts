import type { Emulator, ProviderName } from '../core/emulator.js'
import type { EmulatorFor } from '../start-emulator.js'

/** Test helper: raw `fetch` calls against any emulator, authenticated the way each provider wants. */
export interface RawClient {
  /** Fetches a token (token providers) or does nothing (API-key providers). */
  authenticate(): Promise<void>
  /** A read that needs authentication. */
  read(): Promise<Response>
  /** A write that creates something new, numbered so each call is distinct. */
  write(sequence: number): Promise<Response>
  /** Whether the provider has a token endpoint. */
  readonly usesTokens: boolean
  /** Asks the token endpoint for a token (token providers only). */
  requestToken(): Promise<Response>
}

function tokenRequest(emulator: Emulator<unknown, Record<string, string>>, provider: ProviderName): Promise<Response> {
  const { clientId = '', clientSecret = '', audience = '' } = emulator.credentials
  if (provider === 'bol') {
    return fetch(`${emulator.tokenUrl}?grant_type=client_credentials`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    })
  }
  return fetch(emulator.tokenUrl as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      audience,
    }),
  })
}

/** Builds a {@link RawClient} for a running emulator. */
export function rawClient<P extends ProviderName>(provider: P, emulator: EmulatorFor<P>): RawClient {
  const generic = emulator as unknown as Emulator<unknown, Record<string, string>>
  let token = ''
  const json = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${emulator.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': headers['content-type'] ?? 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const bearer = () => ({ authorization: `Bearer ${token}` })
  const requestToken = () => tokenRequest(generic, provider)
  const authenticate = async () => {
    if (provider !== 'bol' && provider !== 'siesmart') return
    token = ((await (await requestToken()).json()) as { access_token: string }).access_token
  }
  const bolJson = { accept: 'application/vnd.retailer.v10+json', 'content-type': 'application/vnd.retailer.v10+json' }
  const credentials = generic.credentials
  const byProvider: Record<ProviderName, Pick<RawClient, 'read' | 'write'>> = {
    bol: {
      read: () => json('/retailer/orders', { ...bearer(), ...bolJson }),
      write: (sequence) => json('/retailer/offers/export', { ...bearer(), ...bolJson }, { format: 'CSV', sequence }),
    },
    b2brouter: {
      read: () => json('/accounts', { 'x-b2b-api-key': String(credentials.apiKey) }),
      write: (sequence) =>
        json(
          `/accounts/${credentials.accountId}/contacts`,
          { 'x-b2b-api-key': String(credentials.apiKey) },
          { contact: { name: `Contact ${sequence}` } },
        ),
    },
    convictional: {
      read: () => json('/buyer/orders', { authorization: String(credentials.buyerApiKey) }),
      write: (sequence) =>
        json(
          '/seller/products',
          { authorization: String(credentials.sellerApiKey) },
          { title: `Product ${sequence}`, variants: [{ sku: `S-${sequence}` }] },
        ),
    },
    siesmart: {
      read: () => json('/v1/config/offices', bearer()),
      write: (sequence) =>
        json('/v1/proposals/proposal', bearer(), {
          introducerReference: `R-${sequence}`,
          customer: { companyName: 'Acme' },
          assets: [{ cost: 1000 }],
        }),
    },
  }
  return {
    ...byProvider[provider],
    authenticate,
    requestToken,
    usesTokens: provider === 'bol' || provider === 'siesmart',
  }
}
