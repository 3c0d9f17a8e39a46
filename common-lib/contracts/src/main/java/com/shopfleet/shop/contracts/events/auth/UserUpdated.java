package com.shopfleet.shop.contracts.events.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** A user changed their profile; carries the whole new state of what others keep of it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserUpdated(long userId, String name, String phone, String locale, boolean marketingConsent)
        implements IntegrationEvent {

    public static final String TYPE = "UserUpdated";

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
