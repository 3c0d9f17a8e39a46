package com.shopfleet.shop.contracts.events.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** A user asked to reset their password; {@code code} is the one-time code to mail them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PasswordResetRequested(long userId, String email, String name, String locale, String code)
        implements IntegrationEvent {

    public static final String TYPE = "PasswordResetRequested";

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
