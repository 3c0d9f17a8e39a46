package com.shopfleet.shop.order.product;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.events.catalog.ProductChanged;

/**
 * Keeps the replica from {@code ProductChanged} states. Idempotent by version rather than by event
 * id: the topic is a compacted state topic that is read again from its start whenever the replica
 * has nothing from a partition, and an inbox of event ids would then skip exactly what must be
 * rebuilt.
 */
@Service
public class ProductReplica {

    private static final Logger log = LoggerFactory.getLogger(ProductReplica.class);

    private final ProductRepository repository;
    private final Clock clock;

    ProductReplica(ProductRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Applies a product state; true when it was newer than what the replica held. */
    @Transactional
    public boolean apply(ProductChanged changed, long aggregateVersion, Instant occurredAt, int partition) {
        Instant now = clock.instant();
        Product existing = repository.findById(changed.productId()).orElse(null);
        if (existing == null) {
            repository.save(Product.from(changed, aggregateVersion, occurredAt, partition, now));
            return true;
        }
        boolean applied = existing.update(changed, aggregateVersion, occurredAt, partition, now);
        if (!applied) {
            log.debug("Product {} version {} is older than the replica's {}: ignored", changed.productId(),
                    aggregateVersion, existing.aggregateVersion());
        }
        return applied;
    }

    /** Whether the replica holds nothing read from this partition of the product topic. */
    @Transactional(readOnly = true)
    public boolean isEmptyFor(int partition) {
        return !repository.existsBySourcePartition(partition);
    }
}
