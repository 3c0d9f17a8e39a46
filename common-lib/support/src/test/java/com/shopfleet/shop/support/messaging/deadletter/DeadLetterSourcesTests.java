package com.shopfleet.shop.support.messaging.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterSourcesTests {

    @Test
    void everyInputBindingWithADeadLetterTopicIsASourceNamedByItsAggregate() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.cloud.stream.default.group", "notification")
                .withProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true")
                .withProperty("spring.cloud.stream.bindings.userEvents-in-0.destination", "shop.auth.user")
                .withProperty("spring.cloud.stream.kafka.bindings.userEvents-in-0.consumer.dlq-name",
                        "shop.auth.user.notification.dlt")
                .withProperty("spring.cloud.stream.bindings.orderEvents-in-0.destination", "shop.order.order")
                .withProperty("spring.cloud.stream.bindings.orderEvents-in-0.group", "catalog")
                .withProperty("spring.cloud.stream.bindings.auditEvents-in-0.destination", "shop.audit.order")
                .withProperty("spring.cloud.stream.kafka.bindings.auditEvents-in-0.consumer.enable-dlq", "false")
                .withProperty("spring.cloud.stream.bindings.relay-out-0.destination", "shop.order.export");

        DeadLetterSources sources = DeadLetterSources.from(environment);

        assertThat(sources.all()).containsExactly(
                new DeadLetterSource("order", "shop.order.order", "catalog", "error.shop.order.order.catalog"),
                new DeadLetterSource("user", "shop.auth.user", "notification", "shop.auth.user.notification.dlt"));
        assertThat(sources.byAlias("USER")).map(DeadLetterSource::group).contains("notification");
    }

    @Test
    void noStreamConsumerMeansNoSource() {
        assertThat(DeadLetterSources.from(new MockEnvironment()).isEmpty()).isTrue();
    }

    @Test
    void theReasonIsTheInnermostCauseOfTheStoredStackTrace() {
        String stack = """
                org.springframework.messaging.MessageHandlingException: error occurred in message handler
                \tat org.example.A.a(A.java:1)
                Caused by: java.lang.RuntimeException: wrapped
                \tat org.example.B.b(B.java:2)
                Caused by: java.lang.IllegalStateException: stock service refused order 7
                \tat org.example.C.c(C.java:3)
                """;

        assertThat(DeadLetterPolicy.Reason.rootCause("error occurred", stack))
                .isEqualTo(new DeadLetterPolicy.Reason("IllegalStateException",
                        "IllegalStateException: stock service refused order 7"));
        assertThat(DeadLetterPolicy.Reason.rootCause("just a message\nsecond line", null))
                .isEqualTo(new DeadLetterPolicy.Reason(null, "just a message"));
    }
}
