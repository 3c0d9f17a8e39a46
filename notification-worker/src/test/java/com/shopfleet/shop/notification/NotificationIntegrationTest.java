package com.shopfleet.shop.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.support.web.ErrorProbeController;
import com.shopfleet.shop.testsupport.TestIdentities;

/**
 * The whole worker on real parts, one context shared by every class carrying this: an embedded
 * KRaft broker, the test SMTP server ({@link TestSmtp}), H2 in MySQL mode, an HTTP port. Retries
 * are fast (6 attempts, 200 ms doubling to 1.6 s: ~4.6 s before a transient failure is
 * dead-lettered).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.default.consumer.max-attempts=6",
        "spring.cloud.stream.default.consumer.back-off-initial-interval=200",
        "spring.cloud.stream.default.consumer.back-off-multiplier=2.0",
        "spring.cloud.stream.default.consumer.back-off-max-interval=1600",
        "spring.mail.properties.mail.smtp.connectiontimeout=1000",
        "spring.mail.properties.mail.smtp.timeout=3000",
        "spring.mail.properties.mail.smtp.writetimeout=3000",
        "shop.notification.storefront-url=https://shop.example" })
@EmbeddedKafka(partitions = 1, topics = { Topics.AUTH_USER, Topics.ORDER_ORDER, Topics.EVENT_PRIZE,
        "shop.auth.user.notification.dlt", "shop.order.order.notification.dlt", "shop.event.prize.notification.dlt" })
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
@Import(ErrorProbeController.class)
@interface NotificationIntegrationTest {
}
