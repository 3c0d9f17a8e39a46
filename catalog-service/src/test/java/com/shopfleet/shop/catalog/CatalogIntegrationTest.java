package com.shopfleet.shop.catalog;

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
 * The whole catalog service with its real parts: a real Kafka broker (embedded KRaft), a real
 * redis-server ({@code TestRedis}) and H2 in MySQL mode, on a random port, trusting the test identity
 * key. Every class using it shares one Spring context (and one broker), so tests keep to their own data
 * (fresh categories, products and users).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.cloud.stream.bindings.orderEvents-in-0.consumer.max-attempts=2",
        "spring.cloud.stream.bindings.orderEvents-in-0.consumer.back-off-initial-interval=50",
        "spring.cloud.stream.bindings.userEvents-in-0.consumer.max-attempts=2",
        "spring.cloud.stream.bindings.userEvents-in-0.consumer.back-off-initial-interval=50",
        "shop.catalog.kafka.product-partitions=2",
        "shop.catalog.kafka.stock-partitions=2",
        "shop.dead-letters.read-timeout=10s" })
@EmbeddedKafka(partitions = 3, topics = { Topics.ORDER_ORDER, Topics.AUTH_USER })
@ContextConfiguration(initializers = TestRedisInitializer.class)
@Import(ErrorProbeController.class)
public @interface CatalogIntegrationTest {
}
