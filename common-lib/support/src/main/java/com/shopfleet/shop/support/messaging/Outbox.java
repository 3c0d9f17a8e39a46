package com.shopfleet.shop.support.messaging;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.IntegrationEvent;

/**
 * Where business code records the integration events its state change causes. The event is
 * stored by Spring Modulith's event publication registry in the caller's database transaction and
 * published to Kafka after commit; nothing here talks to Kafka. Calling it outside a transaction
 * is a programming error (the event could otherwise be lost), so it fails.
 */
public class Outbox {

    private final ApplicationEventPublisher publisher;

    public Outbox(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public <P extends IntegrationEvent> EventEnvelope<P> record(P event) {
        return record(EventEnvelope.of(event));
    }

    /** Records an event whose aggregate keeps a version, so consumers can drop stale states. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <P extends IntegrationEvent> EventEnvelope<P> record(P event, long aggregateVersion) {
        return record(EventEnvelope.of(event, aggregateVersion));
    }

    private <P extends IntegrationEvent> EventEnvelope<P> record(EventEnvelope<P> envelope) {
        publisher.publishEvent(envelope);
        return envelope;
    }
}
