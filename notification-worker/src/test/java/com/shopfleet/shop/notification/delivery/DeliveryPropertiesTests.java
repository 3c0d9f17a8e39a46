package com.shopfleet.shop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Required production settings fail the start with a message naming them. */
class DeliveryPropertiesTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class)
            .withPropertyValues("shop.notification.mail.from=숍플릿 <no-reply@shop.example>");

    @Test
    void theDefaultsSendSmsToTheLogAndShowTimesInSeoul() {
        context.run(started -> {
            DeliveryProperties properties = started.getBean(DeliveryProperties.class);
            assertThat(properties.sms().provider()).isEqualTo(DeliveryProperties.Sms.Provider.LOGGING);
            assertThat(properties.timeZone().getId()).isEqualTo("Asia/Seoul");
            assertThat(properties.mail().messageIdDomain()).isEqualTo("shop-fleet.local");
        });
    }

    @Test
    void anHttpSmsProviderWithoutItsUrlFailsTheStart() {
        context.withPropertyValues("shop.notification.sms.provider=http", "shop.notification.sms.http.url=")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("SHOP_SMS_URL"));
    }

    @Test
    void aMissingSenderAddressFailsTheStart() {
        context.withPropertyValues("shop.notification.mail.from=")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("shop.notification.mail.from"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DeliveryProperties.class)
    static class Properties {
    }
}
