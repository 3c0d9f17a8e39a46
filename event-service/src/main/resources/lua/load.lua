-- Puts an event into Redis, or refreshes it (idempotent; run by the scheduled loader and on staff edits).
-- KEYS[1] meta, KEYS[2] remaining, KEYS[3] entrants, KEYS[4] stream
-- ARGV[1] opensAt (epoch ms), ARGV[2] closesAt (epoch ms), ARGV[3] closed (0/1), ARGV[4] quantity,
-- ARGV[5] prizePoints, ARGV[6] consumer group of the drain worker, ARGV[7] the event's version
-- A version older than the one loaded is ignored (a loader pass that read the event before staff
-- closed it must not reopen it).
-- The remaining quantity is (re)set only while nobody has entered (an edit before opening) or when
-- the event was not loaded at all; then it counts the winners already restored into entrants.
-- Returns the remaining quantity.
local loaded = redis.call('EXISTS', KEYS[1]) == 1
local entered = redis.call('HLEN', KEYS[3])
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
if loaded and current > tonumber(ARGV[7]) then
    return tonumber(redis.call('GET', KEYS[2]))
end
redis.call('HSET', KEYS[1], 'opensAt', ARGV[1], 'closesAt', ARGV[2], 'closed', ARGV[3],
        'quantity', ARGV[4], 'prizePoints', ARGV[5], 'version', ARGV[7])
if (not loaded) or entered == 0 then
    local remaining = tonumber(ARGV[4]) - entered
    if remaining < 0 then
        remaining = 0
    end
    redis.call('SET', KEYS[2], remaining)
end
if redis.call('EXISTS', KEYS[4]) == 0 then
    redis.call('XGROUP', 'CREATE', KEYS[4], ARGV[6], '0', 'MKSTREAM')
else
    -- BUSYGROUP when the group exists: that is fine
    redis.pcall('XGROUP', 'CREATE', KEYS[4], ARGV[6], '0')
end
return tonumber(redis.call('GET', KEYS[2]))
