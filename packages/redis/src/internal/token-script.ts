/**
 * The token store's operations as one Lua script, so each is atomic and the store needs nothing but `EVAL`.
 *
 * KEYS[1] is the token (a JSON string), KEYS[2] its refresh lock (the holder's id, with a lease as its expiry). Both
 * share a {hash tag}, so a Redis Cluster keeps them in one slot. ARGV[1] names the operation:
 * - `get` → the token, or false
 * - `set` token-json ttl-ms → 1
 * - `delete` [access-token] → 1 when a token was deleted, else 0 (compare-and-delete when an access token is given)
 * - `lock` holder lease-ms → 1 when taken, 0 when someone holds it
 * - `release` holder → 1 when this holder's lock was freed, 0 when the lease had ended or another holds it
 * - `poll` → { token or '', milliseconds the lock still has (-2: not held) }
 */
export const tokenScript = `
local operation = ARGV[1]
if operation == 'get' then
  return redis.call('GET', KEYS[1])
elseif operation == 'set' then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
elseif operation == 'delete' then
  local stored = redis.call('GET', KEYS[1])
  if not stored then return 0 end
  if ARGV[2] ~= nil then
    local ok, token = pcall(cjson.decode, stored)
    if not ok or type(token) ~= 'table' or token.accessToken ~= ARGV[2] then return 0 end
  end
  return redis.call('DEL', KEYS[1])
elseif operation == 'lock' then
  if redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3]) then return 1 end
  return 0
elseif operation == 'release' then
  if redis.call('GET', KEYS[2]) == ARGV[2] then return redis.call('DEL', KEYS[2]) end
  return 0
elseif operation == 'poll' then
  return { redis.call('GET', KEYS[1]) or '', redis.call('PTTL', KEYS[2]) }
end
return redis.error_reply('unknown operation')
`
