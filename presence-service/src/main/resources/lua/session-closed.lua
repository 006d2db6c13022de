-- close(session, e): removes the session if its stored epoch is e (or older: superseded by a closed
-- newer incarnation) and leaves a tombstone so a late open/register of epoch <= e changes nothing.
if epoch <= closedEpoch() then return 0 end
redis.call('SET', tomb, string.format('%d', epoch), 'PX', tombTtl)
local cur = stored()
if cur and cur.epoch <= epoch then
  drop(cur)
end
return settle()
