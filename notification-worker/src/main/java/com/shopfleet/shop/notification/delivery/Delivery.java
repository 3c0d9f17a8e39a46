package com.shopfleet.shop.notification.delivery;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One channel of an event's notification: the channel and how to prepare its message (find the
 * recipient, render the text). The preparation runs only when the channel was not sent yet for
 * that event, and may throw a {@link DeliveryException}.
 */
public record Delivery(Channel channel, Supplier<Prepared> preparation) {

    public Delivery {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(preparation, "preparation");
    }

    public static Delivery mail(Supplier<Prepared> preparation) {
        return new Delivery(Channel.MAIL, preparation);
    }

    public static Delivery sms(Supplier<Prepared> preparation) {
        return new Delivery(Channel.SMS, preparation);
    }
}
