import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { liveJobConfig, optionalVariables, requiredVariables, wantsLiveMode } from './live-config.ts'
import { SampleConfigurationError } from './sample-errors.ts'

const complete = {
  BOL_CLIENT_ID: 'bol-client',
  BOL_CLIENT_SECRET: 'bol-secret-value-1',
  BOL_ENVIRONMENT: 'demo',
  B2BROUTER_API_KEY: 'b2brouter-key-value-2',
  B2BROUTER_ACCOUNT_ID: '4711',
  B2BROUTER_ENVIRONMENT: 'staging',
  CONVICTIONAL_API_KEY: 'convictional-key-value-3',
  SIESMART_CLIENT_ID: 'siesmart-client',
  SIESMART_CLIENT_SECRET: 'siesmart-secret-value-4',
  SIESMART_ENVIRONMENT: 'test',
  SIESMART_API_URL: 'https://siesmart.example/siesmart/b2b',
}
const secrets = [
  complete.BOL_CLIENT_SECRET,
  complete.B2BROUTER_API_KEY,
  complete.CONVICTIONAL_API_KEY,
  complete.SIESMART_CLIENT_SECRET,
]

const errorOf = (run: () => unknown): SampleConfigurationError => {
  try {
    run()
  } catch (error) {
    if (error instanceof SampleConfigurationError) return error
    throw error
  }
  throw new Error('expected a SampleConfigurationError')
}

describe('live configuration from the environment', () => {
  it('stays on the emulators when no provider variable is set, whatever else the environment holds', () => {
    expect(wantsLiveMode({ PATH: '/usr/bin', HOME: '/home/x', SAMPLE_STATE_FILE: 'x.json', BOL_CLIENT_ID: '  ' })).toBe(
      false,
    )
    for (const name of [...requiredVariables, ...optionalVariables]) expect(wantsLiveMode({ [name]: 'x' })).toBe(true)
  })

  it('builds every client from a complete environment', () => {
    const config = liveJobConfig({ ...complete, SIESMART_OFFICE_ID: '12' }, { proposalThreshold: 500 })
    expect(config).toMatchObject({
      target: 'live',
      proposalThreshold: 500,
      stateFile: '.sample-state/state.json',
      bol: { clientId: 'bol-client', clientSecret: complete.BOL_CLIENT_SECRET, environment: 'demo' },
      b2brouter: { client: { apiKey: complete.B2BROUTER_API_KEY, environment: 'staging' }, accountId: 4711 },
      convictional: { apiKey: complete.CONVICTIONAL_API_KEY },
      siesmart: { client: { environment: 'test', baseUrl: complete.SIESMART_API_URL }, officeId: '12' },
    })
    expect(config.bol.baseUrl).toBeUndefined()
    for (const secret of secrets) expect(`${config.scope} ${config.description}`).not.toContain(secret)
  })

  it('names every missing variable, and only those, when the environment is partial', () => {
    const { BOL_ENVIRONMENT, SIESMART_API_URL, ...partial } = complete
    const error = errorOf(() => liveJobConfig(partial))
    expect(error.message).toContain('missing BOL_ENVIRONMENT, SIESMART_API_URL ')
    expect(error.message).not.toContain('BOL_CLIENT_ID,')
    for (const secret of secrets) expect(error.message).not.toContain(secret)
  })

  it('refuses an unknown environment name, a bad account id and a URL that is not one', () => {
    expect(errorOf(() => liveJobConfig({ ...complete, BOL_ENVIRONMENT: 'staging' })).message).toBe(
      'BOL_ENVIRONMENT must be "production" or "demo".',
    )
    expect(errorOf(() => liveJobConfig({ ...complete, B2BROUTER_ACCOUNT_ID: '12abc' })).message).toContain(
      'B2BROUTER_ACCOUNT_ID',
    )
    expect(errorOf(() => liveJobConfig({ ...complete, BOL_BASE_URL: 'api.bol.com' })).message).toBe(
      'BOL_BASE_URL must be an absolute URL.',
    )
  })

  it('keeps the state scope when a secret changes and moves it when the account does', () => {
    const scope = liveJobConfig(complete).scope
    expect(liveJobConfig({ ...complete, BOL_CLIENT_SECRET: 'rotated-secret' }).scope).toBe(scope)
    expect(liveJobConfig({ ...complete, B2BROUTER_ACCOUNT_ID: '4712' }).scope).not.toBe(scope)
  })

  it('either builds a configuration or names the problem in one line without a secret (property)', () => {
    const secretNames = ['BOL_CLIENT_SECRET', 'B2BROUTER_API_KEY', 'CONVICTIONAL_API_KEY', 'SIESMART_CLIENT_SECRET']
    const names = [...requiredVariables, ...optionalVariables]
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('demo', 'test', 'staging', '42', 'https://x.example'),
    )
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), value, { maxKeys: names.length }),
        fc.string({ minLength: 1, maxLength: 20 }),
        (environment, secret) => {
          for (const name of secretNames) if (name in environment) environment[name] = `zq-secret-${secret}`
          try {
            const config = liveJobConfig(environment)
            expect(`${config.scope} ${config.description}`).not.toContain('zq-secret-')
          } catch (error) {
            expect(error).toBeInstanceOf(SampleConfigurationError)
            expect((error as Error).message).not.toContain('\n')
            expect((error as Error).message).not.toContain('zq-secret-')
          }
        },
      ),
    )
  })
})
