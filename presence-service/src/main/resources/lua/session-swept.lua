-- sweep(session of a dead gateway): KEYS[7] is the gateway's alive key. Removes the session only while
-- that key is missing and only if the session is still held by that gateway. No tombstone: a gateway
-- that comes back may re-announce the session; a ghost resurrected on a dead gateway is swept again.
if redis.call('EXISTS', KEYS[7]) == 1 then return -1 end
local cur = stored()
if cur and cur.gatewayId == gw then
  drop(cur)
else
  redis.call('SREM', gwPrefix .. gw, member)
end
return settle()
