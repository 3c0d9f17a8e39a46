package com.shopfleet.shop.catalog.caching;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.shopfleet.shop.catalog.CatalogProperties;

/**
 * Versioned cache keys. Every cached answer's key carries the generations it depends on, read from
 * Redis before the database is read: the global generation (categories), the listing generation
 * (every product change that can alter a listing) and, for a product detail, that product's
 * generation. A write bumps the generations it affects once its transaction has committed, before its
 * response returns; a reader that raced with it can only have stored its answer under the old
 * generation, which nobody reads any more. Old entries simply expire (TTL).
 *
 * <p>When Redis cannot be read there is no key: the caller answers from the database without caching.
 * When a bump fails, entries may be stale until their TTL and the failure is logged.
 */
@Component
public class CacheGenerations {

    private static final Logger log = LoggerFactory.getLogger(CacheGenerations.class);

    private final StringRedisTemplate redis;
    private final String globalKey;
    private final String listingKey;
    private final String productKeyPrefix;
    private final Duration productGenerationTtl;

    CacheGenerations(StringRedisTemplate redis, CatalogProperties properties) {
        this.redis = redis;
        String prefix = properties.cache().keyPrefix();
        this.globalKey = prefix + "gen:global";
        this.listingKey = prefix + "gen:listing";
        this.productKeyPrefix = prefix + "gen:product:";
        // longer than any detail entry lives, so an expired generation never revives an old entry
        this.productGenerationTtl = properties.cache().detailTtl().multipliedBy(2);
    }

    /** The cache key of a product detail, {@code <global>.<product>:<id>}; empty when Redis cannot be read. */
    public Optional<String> detailKey(long productId) {
        return read(globalKey, productKeyPrefix + productId)
                .map(generations -> generations.get(0) + "." + generations.get(1) + ":" + productId);
    }

    /** The cache key of a listing page, {@code <global>.<listing>:<query>}; empty when Redis cannot be read. */
    public Optional<String> listingKey(String query) {
        return read(globalKey, listingKey)
                .map(generations -> generations.get(0) + "." + generations.get(1) + ":" + query);
    }

    /** A product's detail and every listing may have changed (price, status, stock status, rating, deletion). */
    public void productChanged(long productId) {
        afterCommit(() -> {
            String key = productKeyPrefix + productId;
            redis.opsForValue().increment(key);
            redis.expire(key, productGenerationTtl);
            redis.opsForValue().increment(listingKey);
        });
    }

    /** Every listing may have changed, no detail did. */
    public void listingsChanged() {
        afterCommit(() -> redis.opsForValue().increment(listingKey));
    }

    /** Everything cached may have changed (e.g. a category renamed). */
    public void everythingChanged() {
        afterCommit(() -> redis.opsForValue().increment(globalKey));
    }

    private Optional<List<String>> read(String first, String second) {
        try {
            List<String> values = redis.opsForValue().multiGet(List.of(first, second));
            if (values == null || values.size() != 2) {
                return Optional.empty();
            }
            return Optional.of(List.of(orZero(values.get(0)), orZero(values.get(1))));
        }
        catch (RuntimeException ex) {
            log.warn("Cache generations unreadable, answering from the database: {}", ex.toString());
            return Optional.empty();
        }
    }

    private static String orZero(String value) {
        return value == null ? "0" : value;
    }

    private void afterCommit(Runnable bump) {
        Runnable guarded = () -> {
            try {
                bump.run();
            }
            catch (RuntimeException ex) {
                log.error("Could not invalidate cached answers; they stay stale until their TTL: {}", ex.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    guarded.run();
                }
            });
        }
        else {
            guarded.run();
        }
    }
}
