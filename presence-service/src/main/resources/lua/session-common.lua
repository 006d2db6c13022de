-- Prelude shared by the session transition scripts (prepended at load time).
-- KEYS: 1 sessions hash of the user, 2 online set, 3 profile hash, 4 tombstone of the session, 5 gateways set,
--       6 user-list version (incremented with every change user_list shows, so any instance can broadcast it)
-- ARGV: 1 userId, 2 sessionId, 3 epoch, 4 gatewayId, 5 now (epoch millis), 6 gateway-sessions key prefix,
--       7 tombstone TTL (ms), 8 registeredAt (epoch millis), 9.. profile field/value pairs
-- Invariant: a stored entry's epoch is always greater than the session's tombstone epoch.
-- Returns 0 nothing changed, 1 user came online, 2 user went offline (lastSeenAt written),
-- 3 applied but the online set is unchanged.
local sessions, online, profile, tomb, gateways, listVersion = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local user, sid, epoch, gw, now = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local gwPrefix, tombTtl = ARGV[6], ARGV[7]
local member = user .. ' ' .. sid

local function entryJson(gatewayId, e, registered, at)
  return '{"gatewayId":' .. cjson.encode(gatewayId) .. ',"epoch":' .. string.format('%d', e)
    .. ',"registered":' .. tostring(registered) .. ',"registeredAt":' .. string.format('%d', at) .. '}'
end

local function stored()
  local raw = redis.call('HGET', sessions, sid)
  if raw then return cjson.decode(raw) end
  return nil
end

local function closedEpoch()
  return tonumber(redis.call('GET', tomb) or '-1')
end

local function drop(entry)
  redis.call('HDEL', sessions, sid)
  redis.call('SREM', gwPrefix .. entry.gatewayId, member)
end

local function put(gatewayId, e, registered, at, old)
  if old and old.gatewayId ~= gatewayId then
    redis.call('SREM', gwPrefix .. old.gatewayId, member)
  end
  redis.call('HSET', sessions, sid, entryJson(gatewayId, e, registered, at))
  redis.call('SADD', gwPrefix .. gatewayId, member)
  redis.call('SADD', gateways, gatewayId)
end

-- Online while at least one registered session remains; lastSeenAt only when the last one goes.
local function settle()
  for _, raw in ipairs(redis.call('HVALS', sessions)) do
    if cjson.decode(raw).registered then
      local added = redis.call('SADD', online, user)
      if added == 1 then redis.call('INCR', listVersion) end
      return added
    end
  end
  if redis.call('SREM', online, user) == 1 then
    redis.call('HSET', profile, 'lastSeenAt', now)
    redis.call('INCR', listVersion)
    return 2
  end
  return 0
end
