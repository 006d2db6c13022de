-- KEYS: 1 the gateway's sessions set, 2 its alive key, 3 gateways set. ARGV: 1 gatewayId.
-- A dead gateway with no session left is dropped from the set the sweeper walks.
if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('SCARD', KEYS[1]) == 0 then
  return redis.call('SREM', KEYS[3], ARGV[1])
end
return 0
