-- Puts winners the database holds back into Redis after Redis lost them (a crash that its
-- append-only file did not cover, or a flush), so nobody wins twice and no prize is granted twice.
-- KEYS[1] remaining, KEYS[2] entrants; ARGV: userId, rank, userId, rank, ...
-- Every winner that was missing takes one unit off the remaining quantity (never below 0).
-- Returns how many were missing.
local restored = 0
for i = 1, #ARGV, 2 do
    restored = restored + redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1])
end
if restored > 0 and redis.call('EXISTS', KEYS[1]) == 1 then
    local remaining = tonumber(redis.call('GET', KEYS[1])) - restored
    if remaining < 0 then
        remaining = 0
    end
    redis.call('SET', KEYS[1], remaining)
end
return restored
