package com.shopfleet.shop.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code shop.catalog.*}: everything the catalog lets operators tune. Defaults live here and in
 * {@code application.yml}; every key can be overridden from the environment.
 */
@ConfigurationProperties("shop.catalog")
public record CatalogProperties(@DefaultValue Cache cache, @DefaultValue Listing listing,
        @DefaultValue Wishlist wishlist, @DefaultValue Kafka kafka,
        @DefaultValue Search search, @DefaultValue Demo demo, @DefaultValue Benchmark benchmark) {

    /**
     * @param keyPrefix prefix of every Redis key the catalog writes; its {@code v1} is the value schema
     *        version (bump it when a cached record changes shape)
     * @param detailTtl how long a product detail stays cached
     * @param listingTtl how long a listing page stays cached
     * @param listingPages how many first pages (0-based page &lt; this) of a browse listing are cached
     */
    public record Cache(@DefaultValue("catalog:v1:") String keyPrefix, @DefaultValue("10m") Duration detailTtl,
            @DefaultValue("5m") Duration listingTtl, @DefaultValue("3") int listingPages) {
    }

    /**
     * @param maxPageSize the largest {@code size} of a page
     * @param maxOffset {@code page × size} must stay below this (deep pages cost a scan)
     * @param maxIds the most ids one by-ids lookup may name
     * @param maxKeywordLength the longest search keyword
     * @param maxKeywordTerms the most space-separated terms of a keyword
     * @param reviewsOnDetail how many reviews the product detail carries
     * @param maxKeywordCandidates up to this many keyword matches, the database sorts the matches; beyond it
     *        (or when that would read more rows), it walks the sort's index (README "Search")
     */
    public record Listing(@DefaultValue("100") int maxPageSize, @DefaultValue("10000") int maxOffset,
            @DefaultValue("100") int maxIds, @DefaultValue("50") int maxKeywordLength,
            @DefaultValue("5") int maxKeywordTerms, @DefaultValue("10") int reviewsOnDetail,
            @DefaultValue("2000") int maxKeywordCandidates) {
    }

    /** @param maxItems the most products one user may keep in the wishlist */
    public record Wishlist(@DefaultValue("100") int maxItems) {
    }

    /**
     * The topics the catalog creates at start-up (where the broker allows it).
     *
     * @param productPartitions partitions of the compacted {@code shop.catalog.product}
     * @param stockPartitions partitions of {@code shop.catalog.stock}
     * @param replicas replication factor of both
     */
    public record Kafka(@DefaultValue("3") int productPartitions, @DefaultValue("3") int stockPartitions,
            @DefaultValue("1") short replicas) {
    }

    /**
     * The in-memory keyword index ({@code product.KeywordIndex}).
     *
     * @param refreshInterval how often changes made by other instances are read
     * @param fullReloadInterval how often the whole index is read again
     */
    public record Search(@DefaultValue("1s") Duration refreshInterval, @DefaultValue("10m") Duration fullReloadInterval) {
    }

    /** @param enabled seed the demo catalog at start-up when the database has no product (local profile) */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param products top the catalog up to this many products at start-up with bulk SQL (load tests only,
     *        see {@code demo.BenchmarkCatalog}); 0: off
     */
    public record Benchmark(@DefaultValue("0") int products) {
    }
}
