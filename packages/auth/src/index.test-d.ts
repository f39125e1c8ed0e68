import type { Plugin } from '@b2bkit/http'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type AuthError,
  type AuthErrorCode,
  type AuthorizationRequest,
  apiKeyAuth,
  authorizationCode,
  bearerAuth,
  clientCredentials,
  isAuthError,
  memoryTokenStore,
  type OAuthTokens,
  type StoredToken,
  type TokenRequestEvent,
  type TokenSource,
  type TokenStore,
} from './index.js'

const options = { tokenUrl: 'https://login.example.test/token', clientId: 'id', clientSecret: 'secret' } as const

describe('public types', () => {
  it('clientCredentials returns a token source and needs an auth method', () => {
    expectTypeOf(clientCredentials({ ...options, authMethod: 'basic' })).toEqualTypeOf<TokenSource>()
    expectTypeOf(clientCredentials).parameter(0).toHaveProperty('authMethod').toEqualTypeOf<'basic' | 'form' | 'json'>()
    // @ts-expect-error authMethod is required
    clientCredentials(options)
    // @ts-expect-error 'digest' is not an auth method
    clientCredentials({ ...options, authMethod: 'digest' })
  })

  it('token sources give strings and invalidate with an optional token', () => {
    const source = clientCredentials({ ...options, authMethod: 'json', audience: 'https://api' })
    expectTypeOf(source.getToken()).toEqualTypeOf<Promise<string>>()
    expectTypeOf(source.invalidate).parameters.toEqualTypeOf<[token?: string]>()
  })

  it('plugins are b2bkit plugins', () => {
    const source = clientCredentials({ ...options, authMethod: 'form' })
    expectTypeOf(bearerAuth(source)).toEqualTypeOf<Plugin>()
    expectTypeOf(apiKeyAuth({ header: 'X-B2B-API-Key', value: 'key' })).toEqualTypeOf<Plugin>()
    expectTypeOf(apiKeyAuth({ header: 'Authorization', value: async () => 'key' })).toEqualTypeOf<Plugin>()
  })

  it('the memory store is a token store with a lock, and custom stores may leave the lock out', () => {
    expectTypeOf(memoryTokenStore()).toEqualTypeOf<TokenStore>()
    const minimal: TokenStore = {
      get: async () => undefined,
      set: async () => undefined,
      delete: async () => undefined,
    }
    expectTypeOf(minimal.lock).toEqualTypeOf<
      ((key: string, leaseMs: number) => Promise<(() => Promise<void>) | null>) | undefined
    >()
    expectTypeOf<StoredToken['expiresAt']>().toEqualTypeOf<number>()
  })

  it('the authorization code flow returns URLs, codes and tokens', () => {
    const flow = authorizationCode({
      ...options,
      authorizeUrl: 'https://login.example.test/authorize',
      redirectUri: 'https://app/cb',
    })
    expectTypeOf(flow.createAuthorizationRequest()).toEqualTypeOf<Promise<AuthorizationRequest>>()
    expectTypeOf(flow.readCallback('https://app/cb?code=1', 'state')).toEqualTypeOf<string>()
    expectTypeOf(flow.exchangeCode({ code: 'c', codeVerifier: 'v' })).toEqualTypeOf<Promise<OAuthTokens>>()
    expectTypeOf(flow.refresh('r')).toEqualTypeOf<Promise<OAuthTokens>>()
  })

  it('errors narrow to AuthError with a closed set of codes', () => {
    const value: unknown = undefined
    if (isAuthError(value)) {
      expectTypeOf(value).toEqualTypeOf<AuthError>()
      expectTypeOf(value.code).toEqualTypeOf<AuthErrorCode>()
      expectTypeOf(value.status).toEqualTypeOf<number | undefined>()
    }
    expectTypeOf<TokenRequestEvent['reason']>().toEqualTypeOf<'initial' | 'background' | 'expired' | 'invalidated'>()
  })
})
