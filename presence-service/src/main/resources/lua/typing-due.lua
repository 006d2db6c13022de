-- KEYS: 1 typing deadlines zset. ARGV: 1 now (epoch millis), 2 max members.
-- Pops the expired "from to" members atomically, so each expiry is reported by exactly one instance.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #due > 0 then
  redis.call('ZREM', KEYS[1], unpack(due))
end
return due
