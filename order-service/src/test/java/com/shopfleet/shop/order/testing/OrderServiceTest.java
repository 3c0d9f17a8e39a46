package com.shopfleet.shop.order.testing;

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
 * The whole service on real parts: an embedded KRaft broker, a real redis-server, H2 in MySQL mode,
 * on a random port. Every class so annotated shares one application context (same configuration),
 * so the module's integration tests start it once. The scheduled sweeps are parked (tests run them
 * with the time they need).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "shop.order.saga.sweep-interval=1h",
        "shop.order.payment.sweep-interval=1h",
        "spring.cloud.stream.bindings.stockEvents-in-0.consumer.back-off-initial-interval=100",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        "logging.level.org.springframework.kafka=WARN",
        "logging.level.org.springframework.cloud.stream=WARN" })
@EmbeddedKafka(partitions = 1, topics = { Topics.CATALOG_PRODUCT, Topics.CATALOG_STOCK, Topics.EVENT_PRIZE,
        Topics.AUTH_USER, Topics.ORDER_ORDER })
@Import(ErrorProbeController.class)
@ContextConfiguration(initializers = TestRedisInitializer.class)
public @interface OrderServiceTest {
}
