/**
 * Versioned cache keys and their invalidation after commit, shared by every feature that changes
 * what the storefront caches.
 */
package com.shopfleet.shop.catalog.caching;
