package com.shopfleet.shop.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import com.shopfleet.shop.contracts.events.Topics;
import com.shopfleet.shop.support.web.ErrorProbeController;
import com.shopfleet.shop.testsupport.TestIdentities;
import com.shopfleet.shop.testsupport.TestRedis;

/**
 * The whole service on a real HTTP port with its real parts: a redis-server, a KRaft broker for the
 * outbox, H2 in MySQL mode, the gateway's test signing key, and the fleet's error probes. Every class
 * with exactly this annotation shares one application context (the fleet contract and all
 * {@code *IntegrationTests}). Windows are short where a test waits for one to pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        TestIdentities.SIGNING_KEY_PROPERTY,
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "shop.auth.login.failure-window=10s",
        "shop.auth.remember-me.rotation-grace=2s",
        "shop.auth.recovery.cooldown=1s",
        "logging.level.org.apache.kafka=WARN", "logging.level.kafka=WARN", "logging.level.state.change.logger=WARN" })
@EmbeddedKafka(partitions = 1, topics = Topics.AUTH_USER)
@Import(ErrorProbeController.class)
@ContextConfiguration(initializers = AuthServiceTest.RealRedis.class)
@interface AuthServiceTest {

    /** Points the service at the test redis-server (started once per JVM). */
    class RealRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + TestRedis.port())
                    .applyTo(context);
        }
    }
}
