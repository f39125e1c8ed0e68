/**
 * The bucket model of `@b2bkit/rate-limit` (its `src/internal/bucket-state.ts`: `acquireSlot`, `settleSlot`,
 * `releaseSlot`, `snapshotOf`) ported function by function to one Lua script, so each store operation is one atomic
 * step on the bucket however many processes share it. A differential property test runs random operation sequences
 * on this script and on `MemoryRateLimitStore` and requires the same answers.
 *
 * KEYS (one {hash tag}, so one cluster slot):
 *   1 state     hash: learned limit and window, cap, pause, unlimited flag, slot counter
 *   2 in-flight sorted set: slots sent and not answered, scored by the end of their lease
 *   3 started   sorted set: the same slots, scored by when they were taken
 *   4 settled   sorted set: answered slots, scored by when they stop counting
 *   5 expired   sorted set: when recently purged slots stopped counting, kept while a request sent before then is
 *               still in flight (its answer may count them)
 * A slot id is `<counter>:<taken at>:<window at taking>`, so it carries what the slot needs besides its scores.
 *
 * ARGV: 1 operation (acquire | settle | release | snapshot), 2 the caller's now, 3 time source (redis | caller),
 *   4 configured limit, 5 configured window ms, 6 idle ttl ms, then per operation:
 *   acquire: 7 lease ms
 *   settle:  7 slot id, 8 budget (1 present, 0 absent, '' none), 9 limit, 10 remaining, 11 reset at, 12 window ms,
 *            13 pause until
 *   release: 7 slot id
 * '' stands for undefined. Times in ARGV and in answers are on the caller's clock; with the redis time source the
 * script moves them onto Redis's clock (TIME) and back, so machines with skewed clocks share one timeline.
 *
 * Answers (strings, '' for undefined): a snapshot is { limit, window, remaining, reset at, in flight, paused until };
 * acquire answers { '1', slot id, snapshot… } or { '0', reason, wait ms, snapshot… }.
 */
export const bucketScript = `
local STATE, IN_FLIGHT, STARTED, SETTLED, EXPIRED = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local IN_FLIGHT_POLL_MS = 100
local SAME_WINDOW_TOLERANCE_MS = 1000

local function number(value)
  if value == nil or value == false or value == '' then return nil end
  return tonumber(value)
end
local function text(value)
  if value == nil then return '' end
  return string.format('%.17g', value)
end

local operation = ARGV[1]
local callerNow = tonumber(ARGV[2])
local now = callerNow
if ARGV[3] == 'redis' then
  if redis.replicate_commands then redis.replicate_commands() end
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end
local offset = now - callerNow
local function fromCaller(time) if time == nil then return nil end return time + offset end
local function toCaller(time) if time == nil then return nil end return time - offset end

local configuredLimit = number(ARGV[4])
local configuredInterval = number(ARGV[5])
local idleTtlMs = tonumber(ARGV[6])

local saved = redis.call('HMGET', STATE, 'limit', 'interval', 'capRemaining', 'capResetAt', 'pausedUntil', 'unlimited')
local learnedLimit, learnedInterval = number(saved[1]), number(saved[2])
local cap = nil
if number(saved[3]) ~= nil then cap = { remaining = number(saved[3]), resetAt = number(saved[4]) } end
local pausedUntil = number(saved[5]) or 0
local unlimited = saved[6] == '1'

local function save()
  local set, unset = {}, {}
  local function field(name, value)
    if value == nil then unset[#unset + 1] = name else set[#set + 1] = name; set[#set + 1] = value end
  end
  field('limit', learnedLimit and text(learnedLimit))
  field('interval', learnedInterval and text(learnedInterval))
  field('capRemaining', cap and text(cap.remaining))
  field('capResetAt', cap and text(cap.resetAt))
  field('pausedUntil', pausedUntil > 0 and text(pausedUntil) or nil)
  field('unlimited', unlimited and '1' or nil)
  if #set > 0 then redis.call('HSET', STATE, unpack(set)) end
  if #unset > 0 then redis.call('HDEL', STATE, unpack(unset)) end
end

local function budgetOf()
  local limit = learnedLimit
  if limit == nil then limit = configuredLimit end
  local interval = learnedInterval
  if interval == nil then interval = configuredInterval end
  return limit, interval
end

local function slotParts(slotId)
  local acquiredAt, interval = string.match(slotId, '^%d+:([^:]+):([^:]+)$')
  return tonumber(acquiredAt), tonumber(interval)
end

local function inFlightCount() return redis.call('ZCARD', IN_FLIGHT) end
local function slotCount() return redis.call('ZCARD', IN_FLIGHT) + redis.call('ZCARD', SETTLED) end

-- The earliest time a settled slot stops counting (an in-flight one cannot free a slot sooner).
local function nextRelease()
  local first = redis.call('ZRANGE', SETTLED, 0, 0, 'WITHSCORES')
  return number(first[2])
end

local function purge()
  local ended = redis.call('ZRANGEBYSCORE', IN_FLIGHT, '-inf', text(now), 'WITHSCORES')
  for index = 1, #ended, 2 do
    local slotId, leaseEndsAt = ended[index], tonumber(ended[index + 1])
    local _, interval = slotParts(slotId)
    redis.call('ZREM', IN_FLIGHT, slotId)
    redis.call('ZREM', STARTED, slotId)
    redis.call('ZADD', SETTLED, text(leaseEndsAt + interval), slotId)
  end
  local oldest = redis.call('ZRANGE', STARTED, 0, 0, 'WITHSCORES')
  local oldestInFlight = number(oldest[2])
  local gone = redis.call('ZRANGEBYSCORE', SETTLED, '-inf', text(now), 'WITHSCORES')
  for index = 1, #gone, 2 do
    local expiresAt = tonumber(gone[index + 1])
    if oldestInFlight ~= nil and expiresAt > oldestInFlight then redis.call('ZADD', EXPIRED, text(expiresAt), gone[index]) end
  end
  if #gone > 0 then redis.call('ZREMRANGEBYSCORE', SETTLED, '-inf', text(now)) end
  redis.call('ZREMRANGEBYSCORE', EXPIRED, '-inf', oldestInFlight and text(oldestInFlight) or '+inf')
  if cap ~= nil and cap.resetAt <= now then cap = nil end
  if pausedUntil <= now then pausedUntil = 0 end
end

local function snapshot()
  purge()
  local limit, interval = budgetOf()
  local localRemaining = nil
  if limit ~= nil and interval ~= nil then localRemaining = math.max(0, limit - slotCount()) end
  local remaining = localRemaining
  if cap ~= nil then remaining = math.min(cap.remaining, localRemaining or math.huge) end
  local resetAt
  if pausedUntil > 0 then resetAt = pausedUntil elseif cap ~= nil then resetAt = cap.resetAt else resetAt = nextRelease() end
  local paused = nil
  if pausedUntil > 0 then paused = pausedUntil end
  return { text(limit), text(interval), text(remaining), text(toCaller(resetAt)), text(inFlightCount()), text(toCaller(paused)) }
end

local function mergeCap(candidate)
  if cap == nil or candidate.resetAt > cap.resetAt + SAME_WINDOW_TOLERANCE_MS then
    cap = candidate
    return
  end
  -- Same window: responses can arrive out of the order the server counted them, so keep the lower count.
  cap = { remaining = math.min(cap.remaining, candidate.remaining), resetAt = math.max(cap.resetAt, candidate.resetAt) }
end

-- Keys live while anything in them matters, and idleTtlMs beyond, so idle buckets leave Redis by themselves.
local function keepAlive()
  local horizon = now
  local lastSettled = redis.call('ZRANGE', SETTLED, -1, -1, 'WITHSCORES')
  if lastSettled[2] then horizon = math.max(horizon, tonumber(lastSettled[2])) end
  local lastLease = redis.call('ZRANGE', IN_FLIGHT, -1, -1, 'WITHSCORES')
  if lastLease[2] then
    local _, interval = slotParts(lastLease[1])
    horizon = math.max(horizon, tonumber(lastLease[2]) + interval)
  end
  horizon = math.max(horizon, pausedUntil)
  if cap ~= nil then horizon = math.max(horizon, cap.resetAt) end
  local ttl = math.ceil(idleTtlMs + horizon - now)
  for _, key in ipairs(KEYS) do redis.call('PEXPIRE', key, ttl) end
end

local function finish(answer)
  save()
  keepAlive()
  return answer
end

local function withSnapshot(head)
  local answer = snapshot()
  for index = #head, 1, -1 do table.insert(answer, 1, head[index]) end
  return answer
end

if operation == 'snapshot' then
  return finish(snapshot())

elseif operation == 'acquire' then
  local leaseMs = tonumber(ARGV[7])
  purge()
  local function deny(reason, untilTime)
    local waitMs = math.max(1, (untilTime or (now + IN_FLIGHT_POLL_MS)) - now)
    return finish(withSnapshot({ '0', reason, text(waitMs) }))
  end
  if pausedUntil > now then return deny('paused', pausedUntil) end
  if cap ~= nil and cap.remaining <= 0 then return deny('budget', cap.resetAt) end
  local limit, interval = budgetOf()
  local known = limit ~= nil and interval ~= nil
  if known and slotCount() >= limit then return deny('budget', nextRelease()) end
  if not known and cap == nil and not unlimited and inFlightCount() > 0 then return deny('probe', nil) end
  local counter = redis.call('HINCRBY', STATE, 'next', 1)
  local slotId = string.format('%d:%s:%s', counter, text(now), text(interval or 0))
  redis.call('ZADD', IN_FLIGHT, text(now + leaseMs), slotId)
  redis.call('ZADD', STARTED, text(now), slotId)
  if cap ~= nil then cap.remaining = cap.remaining - 1 end
  return finish(withSnapshot({ '1', slotId }))

elseif operation == 'settle' then
  local slotId = ARGV[7]
  local present = ARGV[8]
  local reportedLimit, reportedRemaining = number(ARGV[9]), number(ARGV[10])
  local reportedResetAt, reportedWindow = fromCaller(number(ARGV[11])), number(ARGV[12])
  local pauseUntil = fromCaller(number(ARGV[13]))
  purge()
  if present == '1' then
    unlimited = false
    if reportedLimit ~= nil then learnedLimit = reportedLimit end
    if reportedWindow ~= nil then learnedInterval = reportedWindow end
  end
  local limit, interval = budgetOf()
  local sentAt = nil
  if redis.call('ZSCORE', IN_FLIGHT, slotId) then
    sentAt = slotParts(slotId)
    redis.call('ZREM', IN_FLIGHT, slotId)
    redis.call('ZREM', STARTED, slotId)
    redis.call('ZADD', SETTLED, text(now + (interval or 0)), slotId)
  elseif redis.call('ZSCORE', SETTLED, slotId) then
    sentAt = slotParts(slotId)
  end
  if present == '1' and reportedRemaining ~= nil then
    local resetAt = reportedResetAt or (now + (interval or SAME_WINDOW_TOLERANCE_MS))
    local known = limit ~= nil and interval ~= nil
    -- Usage this bucket's own log cannot explain (another client, an earlier run) needs a cap; the count was made
    -- when this request arrived, so slots that stopped counting since it was sent may be part of it.
    local mayHaveCounted = slotCount() + redis.call('ZCOUNT', EXPIRED, '(' .. text(sentAt or now), '+inf')
    local explained = known and limit - reportedRemaining <= mayHaveCounted
    if resetAt > now and not explained then
      mergeCap({ remaining = math.max(0, reportedRemaining - inFlightCount()), resetAt = resetAt })
    end
  elseif present == '0' and limit == nil then
    unlimited = true
  end
  if pauseUntil ~= nil and pauseUntil > now then
    pausedUntil = math.max(pausedUntil, pauseUntil)
    -- The 429 proves the cap (if any) was wrong, and that the bucket is limited after all.
    cap = nil
    unlimited = false
  end
  return finish(snapshot())

elseif operation == 'release' then
  local slotId = ARGV[7]
  redis.call('ZREM', IN_FLIGHT, slotId)
  redis.call('ZREM', STARTED, slotId)
  redis.call('ZREM', SETTLED, slotId)
  return {}
end
return redis.error_reply('unknown operation')
`
