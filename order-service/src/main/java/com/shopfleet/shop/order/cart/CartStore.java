package com.shopfleet.shop.order.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Carts in Redis: one hash per user ({@code shop:order:cart:<userId>}), a field per product holding
 * {@code quantity|priceWhenAdded|addedAtMillis}. Every write is one Lua script — the line limit, the
 * quantity limit and the TTL refresh happen atomically with the change, so concurrent adds cannot
 * overfill a cart.
 */
@Component
class CartStore {

    static final long CART_FULL = -1;
    static final long QUANTITY_LIMIT = -2;
    static final long NO_SUCH_LINE = -3;

    private static final RedisScript<Long> ADD = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            local quantity = tonumber(ARGV[2])
            local addedAt = ARGV[4]
            if current then
              local q, p, a = string.match(current, '^(%d+)|(%d+)|(%d+)$')
              if q then
                quantity = quantity + tonumber(q)
                addedAt = a
              end
            elseif redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then
              return -1
            end
            if quantity > tonumber(ARGV[6]) then
              return -2
            end
            redis.call('HSET', KEYS[1], ARGV[1], quantity .. '|' .. ARGV[3] .. '|' .. addedAt)
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            return quantity
            """, Long.class);

    private static final RedisScript<Long> SET = RedisScript.of("""
            local current = redis.call('HGET', KEYS[1], ARGV[1])
            if not current then
              return -3
            end
            local q, p, a = string.match(current, '^(%d+)|(%d+)|(%d+)$')
            if not q then
              return -3
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. p .. '|' .. a)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return tonumber(ARGV[2])
            """, Long.class);

    private static final RedisScript<Long> REMOVE = RedisScript.of("""
            local removed = 0
            for i = 2, #ARGV do
              removed = removed + redis.call('HDEL', KEYS[1], ARGV[i])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return removed
            """, Long.class);

    private final StringRedisTemplate redis;
    private final CartProperties properties;

    CartStore(StringRedisTemplate redis, CartProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Adds to a line (creating it); the new quantity, or {@link #CART_FULL} / {@link #QUANTITY_LIMIT}. */
    long add(long userId, long productId, int quantity, long salePrice, Instant now) {
        return redis.execute(ADD, List.of(key(userId)), Long.toString(productId), Integer.toString(quantity),
                Long.toString(salePrice), Long.toString(now.toEpochMilli()), Integer.toString(properties.maxLines()),
                Integer.toString(properties.maxQuantity()), Long.toString(properties.ttl().toMillis()));
    }

    /** Sets the quantity of an existing line; the quantity, or {@link #NO_SUCH_LINE}. */
    long set(long userId, long productId, int quantity) {
        return redis.execute(SET, List.of(key(userId)), Long.toString(productId), Integer.toString(quantity),
                Long.toString(properties.ttl().toMillis()));
    }

    long remove(long userId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return 0;
        }
        List<String> args = new ArrayList<>();
        args.add(Long.toString(properties.ttl().toMillis()));
        productIds.forEach(id -> args.add(Long.toString(id)));
        return redis.execute(REMOVE, List.of(key(userId)), args.toArray());
    }

    /** The lines, newest first; a field this code cannot read is skipped (and never breaks the cart). */
    List<CartLine> lines(long userId) {
        Map<Object, Object> entries = redis.opsForHash().entries(key(userId));
        List<CartLine> lines = new ArrayList<>(entries.size());
        entries.forEach((field, value) -> {
            String[] parts = value.toString().split("\\|");
            try {
                if (parts.length == 3) {
                    lines.add(new CartLine(Long.parseLong(field.toString()), Integer.parseInt(parts[0]),
                            Long.parseLong(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2]))));
                }
            }
            catch (NumberFormatException unreadable) {
                // not a line this version wrote: ignored
            }
        });
        lines.sort((a, b) -> b.addedAt().compareTo(a.addedAt()) != 0 ? b.addedAt().compareTo(a.addedAt())
                : Long.compare(b.productId(), a.productId()));
        return lines;
    }

    long count(long userId) {
        Long size = redis.opsForHash().size(key(userId));
        return size == null ? 0 : size;
    }

    void erase(long userId) {
        redis.delete(key(userId));
    }

    static String key(long userId) {
        return "shop:order:cart:" + userId;
    }
}
