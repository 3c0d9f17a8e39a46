package com.shopfleet.shop.support.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.shopfleet.shop.contracts.events.EventEnvelope;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.support.tracing.CurrentTrace;

/**
 * Where business code records the integration events its state change causes. The event is
 * stored by Spring Modulith's event publication registry in the caller's database transaction and
 * published to Kafka after commit; nothing here talks to Kafka. Calling it outside a transaction
 * is a programming error (the event could otherwise be lost), so it fails. The trace context of the
 * caller is stored with the event ({@link RecordedEvent}) and travels as {@code traceparent}.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final ApplicationEventPublisher publisher;
    private final CurrentTrace currentTrace;

    public Outbox(ApplicationEventPublisher publisher) {
        this(publisher, CurrentTrace.NONE);
    }

    public Outbox(ApplicationEventPublisher publisher, CurrentTrace currentTrace) {
        this.publisher = publisher;
        this.currentTrace = currentTrace;
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
        publisher.publishEvent(new RecordedEvent(envelope, currentTrace.propagationHeaders()));
        // with the trace id (MDC) of the change: the consumers log the same trace id and event id
        log.info("Recorded {} {} about {}", envelope.type(), envelope.eventId(), envelope.aggregateId());
        return envelope;
    }
}
