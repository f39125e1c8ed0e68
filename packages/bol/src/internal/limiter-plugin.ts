import { ConfigurationError, isB2bkitError } from '@b2bkit/http'
import { type RateLimitPlugin, type RateLimitRule, type RateLimitStore, rateLimit } from '@b2bkit/rate-limit'
import type { BolEnvironment, BolRateLimitOption, BolRateLimitSettings } from '../bol-client-options.js'
import { bolRateLimitRules, placeRules } from '../rate-limit-rules.js'

const isRuleList = (option: BolRateLimitOption): option is readonly RateLimitRule[] => Array.isArray(option)

/**
 * The `rateLimit()` plugin for the client's options: bol's rules by default, adaptive on, rule paths placed in the
 * environment; `undefined` when limiting is off. The limiter's own ConfigurationErrors are renamed under
 * `rateLimit` (`rateLimit.rules[2].limit`), so they name the option the caller gave.
 */
export function limiterPlugin(
  option: BolRateLimitOption | undefined,
  store: RateLimitStore | undefined,
  environment: BolEnvironment,
  basePath: string,
): RateLimitPlugin | undefined {
  if (option === false) return undefined
  const settings: BolRateLimitSettings = option === undefined ? {} : isRuleList(option) ? { rules: option } : option
  const rules = placeRules(settings.rules ?? bolRateLimitRules, environment, basePath)
  try {
    return rateLimit({ ...settings, rules, ...(store === undefined ? {} : { store }) })
  } catch (error) {
    const failed = (error as { option?: unknown }).option
    if (!isB2bkitError(error) || error.code !== 'CONFIGURATION' || typeof failed !== 'string') throw error
    const message = error.message.replace(/^option "[^"]*": /, '')
    const name = failed === 'store' ? 'rateLimitStore' : `rateLimit.${failed}`
    // Rules given as a list are `rateLimit[2]`, not `rateLimit.rules[2]`.
    const named = option !== undefined && isRuleList(option) ? name.replace(/^rateLimit\.rules/, 'rateLimit') : name
    throw new ConfigurationError(named, message, { cause: error })
  }
}
