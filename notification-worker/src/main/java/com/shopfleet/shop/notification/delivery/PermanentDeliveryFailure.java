package com.shopfleet.shop.notification.delivery;

/** Retrying cannot help: the binder sends the event to the dead-letter topic at once. */
public final class PermanentDeliveryFailure extends DeliveryFailure {

    PermanentDeliveryFailure(FailureReason reason, String eventType, Channel channel, String message,
            Throwable cause) {
        super(reason, eventType, channel, message, cause);
    }
}
