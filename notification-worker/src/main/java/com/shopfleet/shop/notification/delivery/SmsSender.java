package com.shopfleet.shop.notification.delivery;

/**
 * The port SMS go out through: {@link LoggingSmsSender} (local and tests) or an HTTP provider
 * ({@code shop.notification.sms.provider=http}). Throws {@link DeliveryException} with
 * {@link FailureReason#SMS_PROVIDER_UNAVAILABLE} (retried) or {@link FailureReason#SMS_REJECTED}.
 */
public interface SmsSender {

    void send(SmsMessage message);
}
