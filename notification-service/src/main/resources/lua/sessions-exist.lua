-- KEYS: users' session hashes (PresenceKeys.sessions). Returns per key 1 if it exists (Redis drops an empty
-- hash, so: the user has a session), else 0. One call per poll instead of one command per user.
local found = {}
for i, key in ipairs(KEYS) do
  found[i] = redis.call('EXISTS', key)
end
return found
