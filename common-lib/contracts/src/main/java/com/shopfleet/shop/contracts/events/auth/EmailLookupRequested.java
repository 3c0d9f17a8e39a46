package com.shopfleet.shop.contracts.events.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.shopfleet.shop.contracts.events.IntegrationEvent;
import com.shopfleet.shop.contracts.events.Topics;

/** A user who forgot their login email asked for it by phone; only the masked email is sent. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmailLookupRequested(long userId, String phone, String maskedEmail, String locale)
        implements IntegrationEvent {

    public static final String TYPE = "EmailLookupRequested";

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
