package com.shopfleet.shop.support.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Boot's {@code %wEx} (stack traces set apart by blank lines) with personal data masked: exception
 * messages quote values (a duplicate e-mail in a constraint violation, say).
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PiiMasking.text(super.throwableProxyToString(tp));
    }
}
