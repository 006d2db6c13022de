-- open(session, e): the session becomes routable with epoch e unless e is stale or the session closed.
if epoch <= closedEpoch() then return 0 end
local cur = stored()
if cur and cur.epoch >= epoch then return 0 end
put(gw, epoch, false, 0, cur)
local changed = settle()
if changed == 0 then return 3 end
return changed
