package com.shopfleet.shop.notification.delivery;

/** Trying again may deliver: the binder retries with backoff, then dead-letters the event. */
public final class TransientDeliveryFailure extends DeliveryFailure {

    TransientDeliveryFailure(FailureReason reason, String eventType, Channel channel, String message,
            Throwable cause) {
        super(reason, eventType, channel, message, cause);
    }
}
