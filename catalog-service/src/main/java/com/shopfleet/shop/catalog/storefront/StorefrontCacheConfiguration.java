package com.shopfleet.shop.catalog.storefront;

import java.util.Map;

import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

import tools.jackson.databind.json.JsonMapper;

import com.shopfleet.shop.catalog.CatalogProperties;

/**
 * Spring Cache on Redis for the storefront: product details and the first listing pages, as JSON of
 * their own record types (no type information in the values, so nothing but those records is ever
 * deserialized), each cache with its TTL, keys prefixed {@code catalog:v1:<cache>:} and versioned by
 * {@link com.shopfleet.shop.catalog.caching.CacheGenerations}.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontCacheConfiguration {

    static final String PRODUCT_DETAIL = "product-detail";
    static final String PRODUCT_LISTING = "product-listing";

    @Bean
    CacheManager cacheManager(RedisConnectionFactory connections, JsonMapper jsonMapper, CatalogProperties properties) {
        CatalogProperties.Cache cache = properties.cache();
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .disableCachingNullValues()
                .computePrefixWith(name -> cache.keyPrefix() + name + ":");
        return RedisCacheManager.builder(connections)
                .withInitialCacheConfigurations(Map.of(
                        PRODUCT_DETAIL, defaults.entryTtl(cache.detailTtl()).serializeValuesWith(SerializationPair
                                .fromSerializer(new JacksonJsonRedisSerializer<>(jsonMapper, ProductDetailResponse.class))),
                        PRODUCT_LISTING, defaults.entryTtl(cache.listingTtl()).serializeValuesWith(SerializationPair
                                .fromSerializer(new JacksonJsonRedisSerializer<>(jsonMapper, ListingPage.class)))))
                .disableCreateOnMissingCache()
                .enableStatistics()
                .build();
    }
}
