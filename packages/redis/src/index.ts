// @b2bkit/redis: Redis-backed TokenStore and RateLimitStore, so a fleet shares one token and one quota (Node only).
// Kept out on purpose: the Lua scripts, the key layout and the script runner (src/internal), and the local copies of
// B2bkitError / ConfigurationError (recognised by `isB2bkitError()` of @b2bkit/http through their shared marker).
export type { RedisClient } from './redis-client.js'
export { redisRateLimitStore } from './redis-rate-limit-store.js'
export type { RedisRateLimitStoreOptions, RedisStoreLogger } from './redis-rate-limit-store-options.js'
export { isRedisStoreError, RedisStoreError, type RedisStoreErrorCode } from './redis-store-error.js'
export { type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js'
