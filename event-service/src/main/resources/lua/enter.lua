-- The whole admission decision for one entry, atomic in Redis (every key shares the event's hash
-- tag, so it also runs on Redis Cluster).
-- KEYS[1] meta (hash: opensAt, closesAt epoch ms, closed 0/1, quantity)
-- KEYS[2] remaining (integer)
-- KEYS[3] entrants (hash: userId -> rank)
-- KEYS[4] stream (winners, drained into the database by a consumer group)
-- ARGV[1] userId
-- Returns {code, rank}: 1 won, -1 already entered (rank), 0 sold out, -2 not open yet,
-- -3 closed, -9 the event is not loaded.
local meta = redis.call('HMGET', KEYS[1], 'opensAt', 'closesAt', 'closed', 'quantity')
if not meta[1] then
    return {-9, 0}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
if meta[3] == '1' or now >= tonumber(meta[2]) then
    return {-3, 0}
end
if now < tonumber(meta[1]) then
    return {-2, 0}
end
local entered = redis.call('HGET', KEYS[3], ARGV[1])
if entered then
    return {-1, tonumber(entered)}
end
if tonumber(redis.call('GET', KEYS[2]) or '0') <= 0 then
    return {0, 0}
end
local rank = tonumber(meta[4]) - redis.call('DECR', KEYS[2])
redis.call('HSET', KEYS[3], ARGV[1], rank)
redis.call('XADD', KEYS[4], '*', 'user', ARGV[1], 'rank', rank, 'at', now)
return {1, rank}
