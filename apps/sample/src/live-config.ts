import { createHash } from 'node:crypto'
import { type CommonSettings, commonDefaults, type JobConfig, sampleUserAgent } from './job-config.ts'
import { SampleConfigurationError } from './sample-errors.ts'

/** The variables live mode needs; any provider variable set switches live mode on. */
export const requiredVariables = [
  'BOL_CLIENT_ID',
  'BOL_CLIENT_SECRET',
  'BOL_ENVIRONMENT',
  'B2BROUTER_API_KEY',
  'B2BROUTER_ACCOUNT_ID',
  'B2BROUTER_ENVIRONMENT',
  'CONVICTIONAL_API_KEY',
  'SIESMART_CLIENT_ID',
  'SIESMART_CLIENT_SECRET',
  'SIESMART_ENVIRONMENT',
  'SIESMART_API_URL',
] as const

/** Optional overrides of the providers' endpoints, and the SieSmart office. */
export const optionalVariables = [
  'BOL_BASE_URL',
  'BOL_TOKEN_URL',
  'B2BROUTER_BASE_URL',
  'CONVICTIONAL_BASE_URL',
  'SIESMART_TOKEN_URL',
  'SIESMART_OFFICE_ID',
] as const

type Variable = (typeof requiredVariables)[number] | (typeof optionalVariables)[number]

/** The process environment, or any record of the same shape (tests pass their own). */
export type Environment = Readonly<Record<string, string | undefined>>

const variable = (environment: Environment, name: Variable): string | undefined => {
  const value = environment[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** Whether any provider variable is set: then the job runs against the real APIs, and all required ones must be. */
export function wantsLiveMode(environment: Environment): boolean {
  return [...requiredVariables, ...optionalVariables].some((name) => variable(environment, name) !== undefined)
}

function oneOf<const Allowed extends string>(environment: Environment, name: Variable, allowed: readonly Allowed[]) {
  const value = variable(environment, name) as Allowed
  if (!allowed.includes(value)) {
    throw new SampleConfigurationError(`${name} must be ${allowed.map((item) => `"${item}"`).join(' or ')}.`)
  }
  return value
}

function urlOf(environment: Environment, name: Variable): string | undefined {
  const value = variable(environment, name)
  if (value === undefined) return undefined
  if (!URL.canParse(value)) throw new SampleConfigurationError(`${name} must be an absolute URL.`)
  return value
}

/** A stable, secret-free name for the accounts a configuration talks to. */
function scopeOf(parts: Record<string, string | number | undefined>): string {
  return `live-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16)}`
}

/**
 * The job's configuration from environment variables, for a run against the real APIs. Throws
 * `SampleConfigurationError` naming every missing variable (never a value) when only some are set.
 *
 * @example
 * const config = wantsLiveMode(process.env) ? liveJobConfig(process.env) : demoJobConfig(await startDemoWorld())
 */
export function liveJobConfig(environment: Environment, settings: CommonSettings = {}): JobConfig {
  const missing = requiredVariables.filter((name) => variable(environment, name) === undefined)
  if (missing.length > 0) {
    throw new SampleConfigurationError(
      `live mode needs every provider's credentials; missing ${missing.join(', ')} ` +
        '(unset every BOL_*, B2BROUTER_*, CONVICTIONAL_* and SIESMART_* variable to run against the emulators).',
    )
  }
  const text = (name: (typeof requiredVariables)[number]) => variable(environment, name) as string
  const accountId = Number(text('B2BROUTER_ACCOUNT_ID'))
  if (!Number.isSafeInteger(accountId) || accountId <= 0) {
    throw new SampleConfigurationError('B2BROUTER_ACCOUNT_ID must be a positive whole number.')
  }
  const bolEnvironment = oneOf(environment, 'BOL_ENVIRONMENT', ['production', 'demo'])
  const b2brouterEnvironment = oneOf(environment, 'B2BROUTER_ENVIRONMENT', ['staging', 'production'])
  const siesmartEnvironment = oneOf(environment, 'SIESMART_ENVIRONMENT', ['test', 'production'])
  const bolBaseUrl = urlOf(environment, 'BOL_BASE_URL')
  const bolTokenUrl = urlOf(environment, 'BOL_TOKEN_URL')
  const b2brouterBaseUrl = urlOf(environment, 'B2BROUTER_BASE_URL')
  const convictionalBaseUrl = urlOf(environment, 'CONVICTIONAL_BASE_URL')
  const siesmartBaseUrl = urlOf(environment, 'SIESMART_API_URL') as string
  const siesmartTokenUrl = urlOf(environment, 'SIESMART_TOKEN_URL')
  const officeId = variable(environment, 'SIESMART_OFFICE_ID')
  const userAgent = sampleUserAgent
  return {
    target: 'live',
    scope: scopeOf({
      bol: text('BOL_CLIENT_ID'),
      bolEnvironment,
      b2brouter: accountId,
      b2brouterEnvironment,
      convictional: convictionalBaseUrl,
      siesmart: text('SIESMART_CLIENT_ID'),
      siesmartEnvironment,
    }),
    description: `live APIs: bol.com ${bolEnvironment}, B2Brouter ${b2brouterEnvironment} account ${accountId}, Convictional, SieSmart ${siesmartEnvironment}`,
    bol: {
      clientId: text('BOL_CLIENT_ID'),
      clientSecret: text('BOL_CLIENT_SECRET'),
      environment: bolEnvironment,
      baseUrl: bolBaseUrl,
      tokenUrl: bolTokenUrl,
      userAgent,
    },
    b2brouter: {
      client: {
        apiKey: text('B2BROUTER_API_KEY'),
        environment: b2brouterEnvironment,
        baseUrl: b2brouterBaseUrl,
        userAgent,
      },
      accountId,
    },
    convictional: { apiKey: text('CONVICTIONAL_API_KEY'), baseUrl: convictionalBaseUrl, userAgent },
    siesmart: {
      client: {
        clientId: text('SIESMART_CLIENT_ID'),
        clientSecret: text('SIESMART_CLIENT_SECRET'),
        environment: siesmartEnvironment,
        baseUrl: siesmartBaseUrl,
        tokenUrl: siesmartTokenUrl,
        userAgent,
      },
      officeId,
    },
    ...commonDefaults(settings),
  }
}
