-- register(session, e): the session counts as online; the profile is stored. registeredAt is the
-- earliest register of that epoch, so duplicates and reorderings give the same entry.
if epoch <= closedEpoch() then return 0 end
local cur = stored()
if cur and cur.epoch > epoch then return 0 end
local at = tonumber(ARGV[8])
if cur and cur.epoch == epoch and cur.registered then
  at = math.min(at, cur.registeredAt)
end
if #ARGV > 8 then
  -- a changed profile changes the list (a repeated register with the same profile does not)
  for i = 9, #ARGV - 1, 2 do
    if redis.call('HGET', profile, ARGV[i]) ~= ARGV[i + 1] then
      redis.call('INCR', listVersion)
      break
    end
  end
  redis.call('HSET', profile, unpack(ARGV, 9))
end
put(gw, epoch, true, at, cur)
local changed = settle()
if changed == 0 then return 3 end
return changed
