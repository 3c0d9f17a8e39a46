-- Takes over stream entries another drain worker read but never acknowledged (it died or hangs)
-- for longer than the idle time; they become this consumer's pending entries.
-- KEYS[1] stream; ARGV[1] group, ARGV[2] consumer, ARGV[3] min idle ms, ARGV[4] count
-- Returns the number of entries claimed.
local claimed = 0
local cursor = '0-0'
repeat
    local reply = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', ARGV[4], 'JUSTID')
    cursor = reply[1]
    claimed = claimed + #reply[2]
until cursor == '0-0' or claimed >= tonumber(ARGV[4])
return claimed
