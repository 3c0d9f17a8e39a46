package com.shopfleet.shop.contracts.events.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** A user signed up; {@code locale} ({@code ko}/{@code en}) is the language of later messages. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserRegistered(long userId, String email, String name, String phone, String locale,
        boolean marketingConsent) implements IntegrationEvent {

    public static final String TYPE = "UserRegistered";

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
