package com.shopfleet.shop.notification.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shop.notification.*}: how messages are written and sent.
 *
 * @param mail             the mail sender's identity (SMTP itself: {@code spring.mail.*})
 * @param sms              the SMS port's adapter
 * @param timeZone         times in messages are shown in this zone
 * @param storefrontUrl    the shop's address, linked from every mail
 * @param sentLogRetention how long sent-log rows are kept: longer than any redelivery, replay or
 *                         dead letter can come late (the dead-letter topics must expire sooner)
 * @param unhealthyAfterFailures the {@code notifications} health component is DOWN after this many
 *                         failed delivery attempts in a row
 */
@ConfigurationProperties("shop.notification")
@Validated
public record DeliveryProperties(@DefaultValue @Valid @NotNull Mail mail, @DefaultValue @Valid @NotNull Sms sms,
        @DefaultValue("Asia/Seoul") ZoneId timeZone, @DefaultValue("http://localhost:8080") URI storefrontUrl,
        @DefaultValue("30d") Duration sentLogRetention, @DefaultValue("5") @Positive int unhealthyAfterFailures) {

    /**
     * @param from            the {@code From} address, e.g. {@code 숍플릿 <no-reply@shop.example>}
     * @param messageIdDomain the right-hand side of the {@code Message-ID} the worker gives each mail
     *                        ({@code <eventId>.mail@domain}): the same for a resend, so mail clients
     *                        can fold a duplicate from the crash window
     */
    public record Mail(@NotBlank String from, @DefaultValue("shop-fleet.local") @NotBlank String messageIdDomain) {
    }

    /**
     * @param provider {@code logging} (local, tests) or {@code http}
     * @param sender   the sender number or name the provider shows
     * @param keep     how many messages the logging adapter keeps in memory
     * @param http     the HTTP provider, required when {@code provider=http}
     */
    public record Sms(@DefaultValue("logging") Provider provider, @DefaultValue("SHOPFLEET") @NotBlank String sender,
            @DefaultValue("200") @Positive int keep, @Valid Http http) {

        public Sms {
            if (provider == Provider.HTTP && (http == null || http.url() == null || http.url().toString().isBlank())) {
                throw new IllegalArgumentException(
                        "shop.notification.sms.http.url (SHOP_SMS_URL) is required when shop.notification.sms.provider=http");
            }
        }

        public enum Provider {
            LOGGING, HTTP
        }
    }

    /**
     * An SMS provider taking {@code POST url} with JSON {@code {from, to, text, reference}}.
     *
     * @param url            the provider's endpoint
     * @param apiKey         sent as {@code Authorization: Bearer <apiKey>} when set
     * @param connectTimeout connection timeout
     * @param readTimeout    response timeout
     */
    public record Http(URI url, String apiKey, @DefaultValue("3s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }
}
