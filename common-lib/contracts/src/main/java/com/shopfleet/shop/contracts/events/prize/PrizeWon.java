package com.shopfleet.shop.contracts.events.prize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/**
 * A user won a first-come-first-served event; the order service credits the points.
 *
 * @param eventId the FCFS event (not the envelope's event id)
 * @param rank    the winner's place, 1-based
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrizeWon(long eventId, String eventTitle, long userId, long prizePoints, int rank)
        implements IntegrationEvent {

    public static final String TYPE = "PrizeWon";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.EVENT_PRIZE;
    }

    /** {@code eventId:userId}: one prize per user and event. */
    @Override
    public String aggregateId() {
        return eventId + ":" + userId;
    }
}
