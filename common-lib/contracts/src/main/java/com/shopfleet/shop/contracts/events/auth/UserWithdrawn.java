package com.shopfleet.shop.contracts.events.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** A user left: every part holding data of theirs erases or anonymizes it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserWithdrawn(long userId) implements IntegrationEvent {

    public static final String TYPE = "UserWithdrawn";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.AUTH_USER;
    }

    @Override
    public String aggregateId() {
        return Long.toString(userId);
    }
}
