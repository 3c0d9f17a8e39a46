package com.shopfleet.shop.support.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %m} with personal data and secrets masked ({@link PiiMasking}); the fleet's text logs use it. */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PiiMasking.text(super.convert(event));
    }
}
